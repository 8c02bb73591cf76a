package org.jheartbeat.cib.xml;

import org.jheartbeat.cib.model.CibParseException;
import org.xml.sax.SAXParseException;

/** Turns the XML parser's complaints into what an operator needs: the place, the problem, the fix. */
final class ParseProblems {

    private ParseProblems() {
    }

    static CibParseException describe(String source, SAXParseException e) {
        String message = e.getMessage() == null ? "unreadable XML" : e.getMessage().strip();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        int line = Math.max(e.getLineNumber(), 0);
        int column = Math.max(e.getColumnNumber(), 0);
        if (message.contains("DOCTYPE")) {
            return new CibParseException(source, line, column, "a DOCTYPE declaration is not allowed in a CIB",
                    "remove the <!DOCTYPE ...> declaration: a CIB needs no DTD, and DTDs and external entities are never loaded");
        }
        if (message.contains("Premature end of file") || message.contains("must start and end within the same entity")) {
            return new CibParseException(source, line, column, "not well-formed: the XML ends before every element is closed",
                    "check the file is complete and every <element> has its </element> or ends in />");
        }
        return new CibParseException(source, line, column, "not well-formed: " + message,
                "fix the XML at that place (xmllint --noout FILE shows it too)");
    }
}
