package org.jheartbeat.cib.upgrade;

import org.jheartbeat.cib.xml.Elements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The DOM edits the upgrade is made of, with fresh ids that do not clash with existing ones. */
final class DomEdits {

    private final Document document;
    private final Set<String> ids = new HashSet<>();

    DomEdits(Document document) {
        this.document = document;
        for (Element element : all(document.getDocumentElement(), "*")) {
            ids.add(element.getAttribute("id"));
        }
    }

    static List<Element> all(Element root, String tag) {
        return Elements.descendants(root, "*".equals(tag) ? null : tag);
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (tag == null || element.getTagName().equals(tag))) {
                children.add(element);
            }
        }
        return children;
    }

    /** Renames an attribute in place, keeping its value; does nothing when it is absent. */
    static void renameAttribute(Element element, String from, String to) {
        if (element.hasAttribute(from)) {
            String value = element.getAttribute(from);
            element.removeAttribute(from);
            if (!element.hasAttribute(to)) {
                element.setAttributeNS(null, to, value);
            }
        }
    }

    Element create(String tag, String idBase) {
        Element element = document.createElementNS(null, tag);
        element.setAttributeNS(null, "id", freshId(idBase));
        return element;
    }

    Element nvpair(String idBase, String name, String value) {
        Element nvpair = create("nvpair", idBase + "-" + name);
        nvpair.setAttributeNS(null, "name", name);
        nvpair.setAttributeNS(null, "value", value);
        return nvpair;
    }

    /** The first child set of this kind, created as the first child when there is none. */
    Element firstSet(Element owner, String tag) {
        List<Element> sets = children(owner, tag);
        if (!sets.isEmpty()) {
            return sets.get(0);
        }
        Element set = create(tag, owner.getAttribute("id") + "-" + tag);
        owner.insertBefore(set, owner.getFirstChild());
        return set;
    }

    /** Sets name=value in the set unless the set already has that name. */
    void putIfAbsent(Element set, String name, String value) {
        for (Element nvpair : children(set, "nvpair")) {
            if (nvpair.getAttribute("name").equals(name)) {
                return;
            }
        }
        set.appendChild(nvpair(set.getAttribute("id"), name, value));
    }

    Element section(Element configuration, String tag) {
        List<Element> existing = children(configuration, tag);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Element section = document.createElementNS(null, tag);
        configuration.appendChild(section);
        return section;
    }

    String freshId(String base) {
        String id = base;
        for (int n = 1; ids.contains(id); n++) {
            id = base + "-" + n;
        }
        ids.add(id);
        return id;
    }

    Document document() {
        return document;
    }
}
