package org.jheartbeat.cib.ops;

import org.jheartbeat.cib.model.ElementMarks;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * cibadmin -M's merge: the update's attributes are set on the target, and each child is merged
 * into the target's child with the same tag and id (or, without an id, the first with the same
 * tag), or added when there is none. Nothing is removed.
 */
final class ElementMerge {

    private ElementMerge() {
    }

    static void merge(Element target, Element update) {
        NamedNodeMap attributes = update.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            target.setAttributeNS(null, attribute.getNodeName(), attribute.getNodeValue());
        }
        for (Node child = update.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element updateChild) {
                Element match = matchingChild(target, updateChild);
                if (match == null) {
                    target.appendChild(imported(target.getOwnerDocument(), updateChild));
                } else {
                    merge(match, updateChild);
                }
            }
        }
    }

    static Element matchingChild(Element parent, Element like) {
        String id = like.getAttribute("id");
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(like.getTagName())
                    && element.getAttribute("id").equals(id)) {
                return element;
            }
        }
        return null;
    }

    /**
     * A copy for the target document. Line marks from the update's own text are dropped: they
     * would point into the command line, not into cib.xml.
     */
    static Element imported(Document document, Element element) {
        Element copy = (Element) document.importNode(element, true);
        ElementMarks.carry(element, copy, false);
        return copy;
    }
}
