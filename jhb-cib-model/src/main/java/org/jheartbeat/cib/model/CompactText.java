package org.jheartbeat.cib.model;

/**
 * Character content of the compact form: non-whitespace text, a comment, or a processing
 * instruction ({@code target} set, {@code text} its data). Whitespace between elements is
 * indentation and is not kept, as in the DOM the parser builds.
 */
public record CompactText(Kind kind, String target, String text) implements CompactNode {

    public enum Kind { TEXT, COMMENT, PROCESSING_INSTRUCTION }

    public static CompactText text(String text) {
        return new CompactText(Kind.TEXT, null, text);
    }

    public static CompactText comment(String text) {
        return new CompactText(Kind.COMMENT, null, text);
    }

    public static CompactText processingInstruction(String target, String data) {
        return new CompactText(Kind.PROCESSING_INSTRUCTION, target, data);
    }

    @Override
    public CompactText copy() {
        return this;
    }
}
