package org.jheartbeat.cib.schema;

/**
 * One place where a CIB breaks the schema.
 *
 * @param line        the element's line in the parsed text, 0 when it was built by an operation
 * @param elementPath where the element sits, e.g. {@code /cib/configuration/resources/primitive[@id='ip01']}
 * @param element     the element as an operator recognises it, e.g. {@code <primitive id="ip01">}
 * @param message     what is wrong and what to do
 */
public record SchemaError(int line, String elementPath, String element, String message) {

    /** {@code element <primitive id="ip01"> (line 12): missing required attribute 'class'...} */
    public String describe() {
        return "element " + element + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
    }

    /** A Pacemaker-like line, as {@code Finding.format}: {@code error: cib.xml:12: element <primitive id="ip01">: ...}. */
    public String format(String source) {
        return "error: " + source + (line > 0 ? ":" + line : "") + ": element " + element + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
