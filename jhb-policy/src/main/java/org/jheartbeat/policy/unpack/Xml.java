package org.jheartbeat.policy.unpack;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CompactContent;
import org.jheartbeat.cib.model.CompactElement;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers: direct children by tag, attributes with null for absent, a node's resource histories. */
final class Xml {

    private Xml() {
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Element e = child(parent, tag); e != null; e = from(e.getNextSibling(), tag)) {
            out.add(e);
        }
        return out;
    }

    /** Walked in place, no list made: unpacking asks each of the configuration's elements for a few children. */
    static Element child(Element parent, String tag) {
        return parent == null ? null : from(parent.getFirstChild(), tag);
    }

    /** The first element named tag from n on, n included. */
    private static Element from(Node n, String tag) {
        for (Node at = n; at != null; at = at.getNextSibling()) {
            if (at instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    static String attr(Element e, String name) {
        // one look-up, not hasAttribute and then getAttribute: the status section has millions
        Attr a = e == null ? null : e.getAttributeNode(name);
        return a == null ? null : a.getValue();
    }

    /**
     * The lrm_resource entries of a node_state (each a resource's operation history on that
     * node), held compactly or read from the DOM ({@link CompactContent#read}).
     */
    static List<CompactElement> lrmResources(Element state) {
        Element lrm = child(state, "lrm");
        if (lrm == null) {
            return List.of();
        }
        for (var node : CompactContent.read(lrm)) {
            if (node instanceof CompactElement resources && resources.tag().equals("lrm_resources")) {
                return resources.elements("lrm_resource");
            }
        }
        return List.of();
    }

    static String attr(Element e, String name, String otherwise) {
        String v = attr(e, name);
        return v == null ? otherwise : v;
    }
}
