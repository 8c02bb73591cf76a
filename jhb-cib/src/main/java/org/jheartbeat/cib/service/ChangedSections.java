package org.jheartbeat.cib.service;

import java.util.Set;
import java.util.TreeSet;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Which top-level sections differ between two versions of the CIB. */
final class ChangedSections {

    private static final String[] CONFIGURATION_SECTIONS =
        {"crm_config", "nodes", "resources", "constraints", "rsc_defaults", "op_defaults"};
    private static final Set<String> VERSION_ATTRIBUTES = Set.of("epoch", "num_updates", "admin_epoch",
            "cib-last-written");

    private ChangedSections() {
    }

    static Set<String> between(CibDocument before, CibDocument after) {
        Set<String> changed = new TreeSet<>();
        Element oldConfiguration = child(before.root(), "configuration");
        Element newConfiguration = child(after.root(), "configuration");
        for (String section : CONFIGURATION_SECTIONS) {
            if (!same(child(oldConfiguration, section), child(newConfiguration, section))) {
                changed.add(section);
            }
        }
        if (!same(child(before.root(), "status"), child(after.root(), "status"))) {
            changed.add("status");
        }
        if (!sameRootAttributes(before.root(), after.root())) {
            changed.add("cib");
        }
        return changed;
    }

    private static boolean sameRootAttributes(Element a, Element b) {
        return significantAttributes(a).equals(significantAttributes(b));
    }

    private static Set<String> significantAttributes(Element element) {
        Set<String> attributes = new TreeSet<>();
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            if (!VERSION_ATTRIBUTES.contains(attribute.getNodeName())) {
                attributes.add(attribute.getNodeName() + "=" + attribute.getNodeValue());
            }
        }
        return attributes;
    }

    private static boolean same(Element a, Element b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.isEqualNode(b);
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
