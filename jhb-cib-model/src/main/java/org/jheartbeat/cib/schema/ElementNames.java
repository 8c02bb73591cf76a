package org.jheartbeat.cib.schema;

import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** How an element is named in a message: by its tag and id, and by its path from the root. */
final class ElementNames {

    private ElementNames() {
    }

    static String shortName(Element element) {
        String id = element.getAttribute("id");
        return "<" + element.getTagName() + (id.isEmpty() ? "" : " id=\"" + id + "\"") + ">";
    }

    static String path(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            String id = current.getAttribute("id");
            path.insert(0, "/" + current.getTagName() + (id.isEmpty() ? "" : "[@id='" + id + "']"));
        }
        return path.toString();
    }

    static SchemaError error(Element element, String message) {
        return new SchemaError(CibDocument.lineOf(element), path(element), shortName(element), message);
    }
}
