package org.jheartbeat.cib.model;

/**
 * CIB text that is not well-formed XML or not a CIB at all. The message names the source
 * (file name or "input"), the line and column, what is wrong and what to do.
 */
public final class CibParseException extends Exception {

    private final String source;
    private final int line;
    private final int column;

    public CibParseException(String source, int line, int column, String problem, String remedy) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem
                + (remedy == null || remedy.isEmpty() ? "" : ". " + remedy));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
