package org.jheartbeat.policy.unpack;

import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every element with an id in the configuration, so id-ref can be followed. References point
 * into the configuration; the status section, most of a large CIB (one element per operation
 * recorded), is left out.
 */
final class IdIndex {

    private final Map<String, Element> byId = new HashMap<>();

    IdIndex(Element cib) {
        Element configuration = Xml.child(cib, "configuration");
        if (configuration != null) {
            index(configuration);
        }
    }

    private void index(Element e) {
        // one look-up per attribute: a large configuration has 60,000 elements
        String id = Xml.attr(e, "id");
        if (id != null && Xml.attr(e, "id-ref") == null) {
            byId.putIfAbsent(id, e);
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                index(child);
            }
        }
    }

    /** The element itself, or the one its id-ref points to. */
    Element resolve(Element e) {
        if (e != null && e.hasAttribute("id-ref")) {
            Element target = byId.get(e.getAttribute("id-ref"));
            return target == null ? e : target;
        }
        return e;
    }

    Element get(String id) {
        return byId.get(id);
    }
}
