package org.jheartbeat.cib.ops;

import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CibErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The section names cibadmin's -o takes, and where each lives in the document. */
final class Sections {

    static final List<String> CONFIGURATION_SECTIONS = List.of("crm_config", "nodes", "resources", "constraints",
            "rsc_defaults", "op_defaults", "fencing-topology", "acls", "tags", "alerts");

    /** Where an element goes when no section is named. */
    private static final Map<String, String> HOME_OF = Map.ofEntries(
            Map.entry("primitive", "resources"), Map.entry("group", "resources"), Map.entry("clone", "resources"),
            Map.entry("master", "resources"), Map.entry("bundle", "resources"), Map.entry("template", "resources"),
            Map.entry("rsc_location", "constraints"), Map.entry("rsc_colocation", "constraints"),
            Map.entry("rsc_order", "constraints"), Map.entry("rsc_ticket", "constraints"),
            Map.entry("node", "nodes"), Map.entry("cluster_property_set", "crm_config"),
            Map.entry("node_state", "status"), Map.entry("fencing-level", "fencing-topology"), Map.entry("tag", "tags"));

    private Sections() {
    }

    static boolean isKnown(String section) {
        return section.equals("configuration") || section.equals("status") || CONFIGURATION_SECTIONS.contains(section);
    }

    static void requireKnown(String section) throws CibOperationException {
        if (!isKnown(section)) {
            throw new CibOperationException(CibErrorCode.INVALID_INPUT, "unknown section '" + section + "'; use one of configuration, "
                    + String.join(", ", CONFIGURATION_SECTIONS) + ", status");
        }
    }

    /** The section element, or null when the document lacks it. */
    static Element find(Document document, String section) {
        Element root = document.getDocumentElement();
        if (section.equals("configuration") || section.equals("status")) {
            return child(root, section);
        }
        Element configuration = child(root, "configuration");
        return configuration == null ? null : child(configuration, section);
    }

    /** The section element, created (empty) when an optional one is missing. */
    static Element findOrCreate(Document document, String section) {
        Element existing = find(document, section);
        if (existing != null) {
            return existing;
        }
        Element root = document.getDocumentElement();
        Element parent = section.equals("configuration") || section.equals("status") ? root : findOrCreate(document, "configuration");
        Element created = document.createElementNS(null, section);
        parent.appendChild(created);
        return created;
    }

    static String homeOf(Element element) throws CibOperationException {
        String tag = element.getTagName();
        if (isKnown(tag)) {
            return tag;
        }
        String home = HOME_OF.get(tag);
        if (home == null) {
            throw new CibOperationException(CibErrorCode.INVALID_INPUT, "cannot tell which section <" + tag
                    + "> belongs in; name the section (-o SECTION)");
        }
        return home;
    }

    static Element child(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        return null;
    }
}
