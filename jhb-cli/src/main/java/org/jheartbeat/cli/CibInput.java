package org.jheartbeat.cli;

import java.nio.charset.StandardCharsets;

/**
 * A whole CIB as read (bytes, decoded as its XML declaration says when parsed) and the name its
 * messages use (the file name, "input", "stdin" or "live CIB"). Bytes rather than text: a CIB of
 * 10,000 resources is 68 MB, and the parser reads UTF-8 in place.
 */
public record CibInput(byte[] bytes, String source) {

    public static CibInput ofText(String text, String source) {
        return new CibInput(text.getBytes(StandardCharsets.UTF_8), source);
    }
}
