package org.jheartbeat.cib.verify;

/**
 * One problem in a configuration: the element it is about (its id, or "" when it has none), the
 * line the element starts on (0 when unknown), what is wrong ({@code message}, which starts by
 * naming the element) and what to do ({@code remedy}).
 */
public record Finding(Severity severity, String elementId, int line, String message, String remedy) {

    /** A Pacemaker-like line: {@code error: cib.xml:30: rsc_location 'loc': ... . Remedy}. */
    public String format(String source) {
        return severity.word() + ": " + source + (line > 0 ? ":" + line : "") + ": " + message
                + (remedy.isEmpty() ? "" : ". " + remedy);
    }
}
