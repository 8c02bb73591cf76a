package org.jheartbeat.messaging.wire;

/** A field that is missing or whose value is not in the expected form (e.g. not hex). */
public final class BadFieldException extends RuntimeException {

    private final String field;

    public BadFieldException(String field, String problem) {
        super("field " + field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
