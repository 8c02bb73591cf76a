package org.jheartbeat.cib.upgrade;

import static org.jheartbeat.cib.upgrade.DomEdits.children;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Resources: options Heartbeat 2.1 kept as XML attributes or among the instance attributes
 * become meta attributes with their current names; {@code master_slave} becomes a promotable
 * clone; operations get their current attribute names.
 */
final class ResourceUpgrade {

    private static final Set<String> RESOURCE_TAGS = Set.of("primitive", "group", "clone", "master", "master_slave");
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("id", "class", "provider", "type", "template", "description");

    private final DomEdits edits;

    ResourceUpgrade(DomEdits edits) {
        this.edits = edits;
    }

    void upgrade(Element resources) {
        for (Element resource : DomEdits.all(resources, "*")) {
            if (RESOURCE_TAGS.contains(resource.getTagName())) {
                upgradeResource(resource);
            }
        }
    }

    private void upgradeResource(Element resource) {
        boolean container = !resource.getTagName().equals("primitive");
        for (Attr attribute : attributes(resource)) {
            if (!RESOURCE_ATTRIBUTES.contains(attribute.getName())) {
                resource.removeAttribute(attribute.getName());
                putMeta(resource, attribute.getName(), attribute.getValue());
            }
        }
        for (Element instanceSet : children(resource, "instance_attributes")) {
            for (Element nvpair : children(instanceSet, "nvpair")) {
                if (container || LegacyNames.isMeta(nvpair.getAttribute("name"))) {
                    instanceSet.removeChild(nvpair);
                    putMeta(resource, nvpair.getAttribute("name"), nvpair.getAttribute("value"));
                }
            }
            if (container && children(instanceSet, null).isEmpty()) {
                resource.removeChild(instanceSet);
            }
        }
        for (Element metaSet : children(resource, "meta_attributes")) {
            for (Element nvpair : children(metaSet, "nvpair")) {
                nvpair.setAttributeNS(null, "name", LegacyNames.current(nvpair.getAttribute("name")));
                if (nvpair.getAttribute("name").equals("target-role")) {
                    nvpair.setAttributeNS(null, "value", LegacyNames.role(nvpair.getAttribute("value")));
                }
            }
        }
        if (resource.getTagName().equals("master_slave") || resource.getTagName().equals("master")) {
            Element clone = (Element) edits.document().renameNode(resource, null, "clone");
            edits.putIfAbsent(edits.firstSet(clone, "meta_attributes"), "promotable", "true");
        }
        for (Element operations : children(resource, "operations")) {
            for (Element op : children(operations, "op")) {
                upgradeOperation(resource, op);
            }
        }
    }

    private void upgradeOperation(Element resource, Element op) {
        if (op.hasAttribute("disabled")) {
            String disabled = op.getAttribute("disabled");
            op.removeAttribute("disabled");
            op.setAttributeNS(null, "enabled", isTrue(disabled) ? "false" : "true");
        }
        DomEdits.renameAttribute(op, "on_fail", "on-fail");
        DomEdits.renameAttribute(op, "start_delay", "start-delay");
        DomEdits.renameAttribute(op, "interval_origin", "interval-origin");
        DomEdits.renameAttribute(op, "record_pending", "record-pending");
        if (op.hasAttribute("role")) {
            op.setAttributeNS(null, "role", LegacyNames.role(op.getAttribute("role")));
        }
        if (!op.hasAttribute("interval")) {
            op.setAttributeNS(null, "interval", "0");
        }
        // what an operation required before it ran is now the resource's "requires"
        for (String requirement : List.of("prereq", "requires")) {
            if (op.hasAttribute(requirement)) {
                String value = op.getAttribute(requirement);
                op.removeAttribute(requirement);
                if (op.getAttribute("name").equals("start")) {
                    putMeta(resource, "requires", value);
                }
            }
        }
    }

    private void putMeta(Element resource, String legacyName, String value) {
        String name = LegacyNames.current(legacyName);
        edits.putIfAbsent(edits.firstSet(resource, "meta_attributes"), name,
                name.equals("target-role") ? LegacyNames.role(value) : value);
    }

    private static boolean isTrue(String value) {
        return Set.of("true", "yes", "on", "1", "y").contains(value.toLowerCase());
    }

    private static List<Attr> attributes(Element element) {
        NamedNodeMap map = element.getAttributes();
        List<Attr> attributes = new ArrayList<>(map.getLength());
        for (int i = 0; i < map.getLength(); i++) {
            attributes.add((Attr) map.item(i));
        }
        return attributes;
    }
}
