package org.jheartbeat.cib.model;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One version of the CIB: an XML document ({@code <cib>} with {@code <configuration>} and
 * {@code <status>}) that is never changed in place. Operations return a new document, so a
 * snapshot can be handed to any thread. Elements parsed from text remember their line number
 * ({@link #lineOf}), which every validation message names.
 *
 * <p>The DOM inside must not be modified by callers: {@link #dom()} is for reading (XPath,
 * traversal); changes go through the operations of this package, which work on a copy.
 */
public final class CibDocument {

    private final Document dom;

    CibDocument(Document dom) {
        this.dom = dom;
    }

    /** Wraps a DOM the caller will no longer touch. */
    public static CibDocument of(Document dom) {
        return new CibDocument(dom);
    }

    public Document dom() {
        return dom;
    }

    public Element root() {
        return dom.getDocumentElement();
    }

    public CibVersion version() {
        Element root = root();
        return new CibVersion(number(root, "admin_epoch"), number(root, "epoch"), number(root, "num_updates"));
    }

    /** The line the element started on in the parsed text, or 0 when it was created by an operation. */
    public static int lineOf(Element element) {
        return ElementMarks.lineOf(element);
    }

    private static long number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
