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

    private final Element cib;
    /** Made at the first look-up: most configurations have no id-ref and no template to follow. */
    private Map<String, Element> byId;

    IdIndex(Element cib) {
        this.cib = cib;
    }

    private Map<String, Element> byId() {
        if (byId == null) {
            byId = new HashMap<>();
            Element configuration = Xml.child(cib, "configuration");
            if (configuration != null) {
                index(configuration);
            }
        }
        return byId;
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
        String ref = Xml.attr(e, "id-ref");
        if (ref != null) {
            Element target = byId().get(ref);
            return target == null ? e : target;
        }
        return e;
    }

    Element get(String id) {
        return byId().get(id);
    }
}
