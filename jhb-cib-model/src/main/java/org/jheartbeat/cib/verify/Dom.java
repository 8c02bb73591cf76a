package org.jheartbeat.cib.verify;

import org.jheartbeat.cib.xml.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Element walking the checks share; the DOM's own lists are clumsy to iterate. */
final class Dom {

    private Dom() {
    }

    static List<Element> children(Element parent, Set<String> names) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (names.isEmpty() || names.contains(element.getTagName()))) {
                found.add(element);
            }
        }
        return found;
    }

    static List<Element> children(Element parent, String name) {
        return children(parent, Set.of(name));
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every element below {@code root} in document order, or only those named {@code name} when it is not null. */
    static List<Element> descendants(Element root, String name) {
        return Elements.descendants(root, name);
    }

    /** The attribute's value, or null when absent (the DOM answers "" for both); one look-up. */
    static String attribute(Element element, String name) {
        Attr attribute = element.getAttributeNode(name);
        return attribute == null ? null : attribute.getValue();
    }
}
