package org.jheartbeat.cib.upgrade;

import static org.jheartbeat.cib.upgrade.DomEdits.all;
import static org.jheartbeat.cib.upgrade.DomEdits.children;

import java.util.List;
import java.util.Set;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.xml.CibXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns a CIB written in the Heartbeat 2.1 form (no {@code validate-with}, or
 * {@code pacemaker-0.6}/{@code transitional-0.6}; {@code <attributes>} inside attribute sets;
 * {@code rsc_order from/to}, {@code rsc_colocation from/to}; {@code master_slave}; options with
 * underscores) into the current Pacemaker form that {@code CibSchema} validates. The version
 * numbers are kept: raising the epoch is the caller's decision.
 */
public final class CibUpgrade {

    private static final Set<String> NVSETS = Set.of("instance_attributes", "meta_attributes", "utilization",
            "cluster_property_set");
    private static final List<String> OLD_ROOT_ATTRIBUTES = List.of("ccm_transition", "cib_feature_revision",
            "generated", "ignore_dtd", "num_peers", "have_quorum", "dc_uuid");

    private CibUpgrade() {
    }

    /** True when the document declares or uses the Heartbeat 2.1 form anywhere. */
    public static boolean isLegacy(CibDocument document) {
        Element root = document.root();
        String validateWith = root.getAttribute("validate-with");
        if (validateWith.isEmpty() || validateWith.startsWith("pacemaker-0.") || validateWith.startsWith("transitional-0.")) {
            return true;
        }
        return usesLegacyForm(root);
    }

    /** One walk for all the signs of the old form: a large status section makes every walk count. */
    private static boolean usesLegacyForm(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                String tag = element.getTagName();
                if (tag.equals("master_slave")
                        || tag.equals("attributes") && NVSETS.contains(parent.getTagName())
                        || (tag.equals("rsc_order") || tag.equals("rsc_colocation")) && element.hasAttribute("from")
                        || usesLegacyForm(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A new document in the current form; the given one is not changed. */
    public static CibDocument upgrade(CibDocument document) {
        DomEdits edits = new DomEdits(CibXml.copy(document.dom()));
        Element root = edits.document().getDocumentElement();
        upgradeRoot(root);
        for (Element wrapper : all(root, "attributes")) {
            if (NVSETS.contains(parentTag(wrapper))) {
                unwrap(wrapper);
            }
        }
        for (Element configuration : children(root, "configuration")) {
            children(configuration, "crm_config").forEach(crmConfig -> upgradeOptions(edits, configuration, crmConfig));
            children(configuration, "nodes").forEach(CibUpgrade::upgradeNodes);
            children(configuration, "resources").forEach(new ResourceUpgrade(edits)::upgrade);
            new ConstraintUpgrade().upgrade(configuration);
        }
        return CibDocument.of(edits.document());
    }

    private static void upgradeRoot(Element root) {
        DomEdits.renameAttribute(root, "have_quorum", "have-quorum");
        DomEdits.renameAttribute(root, "dc_uuid", "dc-uuid");
        OLD_ROOT_ATTRIBUTES.forEach(root::removeAttribute);
        for (String version : List.of("admin_epoch", "epoch", "num_updates")) {
            if (!root.hasAttribute(version)) {
                root.setAttributeNS(null, version, "0");
            }
        }
        root.setAttributeNS(null, "validate-with", CibTemplate.VALIDATE_WITH);
        root.setAttributeNS(null, "crm_feature_set", CibTemplate.CRM_FEATURE_SET);
    }

    /** Cluster options get dashed names; those that became resource or operation defaults move there. */
    private static void upgradeOptions(DomEdits edits, Element configuration, Element crmConfig) {
        for (Element nvpair : all(crmConfig, "nvpair")) {
            String name = LegacyNames.current(nvpair.getAttribute("name"));
            nvpair.setAttributeNS(null, "name", name);
            String[] moved = LegacyNames.MOVED_TO_DEFAULTS.get(name);
            if (moved != null) {
                nvpair.getParentNode().removeChild(nvpair);
                Element defaults = edits.section(configuration, moved[0]);
                Element set = children(defaults, "meta_attributes").isEmpty()
                        ? (Element) defaults.appendChild(edits.create("meta_attributes", moved[0] + "-options"))
                        : children(defaults, "meta_attributes").get(0);
                edits.putIfAbsent(set, moved[1], nvpair.getAttribute("value"));
            }
        }
    }

    private static void upgradeNodes(Element nodes) {
        for (Element node : children(nodes, "node")) {
            if (node.getAttribute("type").equals("normal")) {
                node.setAttributeNS(null, "type", "member");
            }
        }
    }

    private static void unwrap(Element wrapper) {
        Node parent = wrapper.getParentNode();
        while (wrapper.getFirstChild() != null) {
            parent.insertBefore(wrapper.getFirstChild(), wrapper);
        }
        parent.removeChild(wrapper);
    }

    private static String parentTag(Element element) {
        return element.getParentNode() instanceof Element parent ? parent.getTagName() : "";
    }
}
