package org.jheartbeat.cli.crmverify;

/** The configuration text to check and the name its messages use (the file name, "input" or "stdin"). */
record CibInput(String text, String source) {
}
