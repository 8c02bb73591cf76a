package org.jheartbeat.cli;

/** A whole CIB's text and the name its messages use (the file name, "input", "stdin" or "live CIB"). */
public record CibInput(String text, String source) {
}
