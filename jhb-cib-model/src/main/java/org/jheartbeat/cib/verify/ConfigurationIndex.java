package org.jheartbeat.cib.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;

/** The configuration section looked up once: elements by id, resources, templates, tags and node names. */
final class ConfigurationIndex {

    static final Set<String> RESOURCE_TAGS = Set.of("primitive", "group", "clone", "master", "bundle");
    static final Set<String> CONTAINER_TAGS = Set.of("group", "clone", "master", "bundle");
    /**
     * Elements whose id is not one of the configuration's element ids: references to another
     * element, and nodes, whose ids are the cluster layer's names for them (Pacemaker's schema
     * takes them as plain text, so a remote node and its connection resource share one).
     */
    private static final Set<String> NOT_ELEMENT_IDS = Set.of("resource_ref", "obj_ref", "node");

    private final Element configuration;
    /** Every element of the configuration in document order: the checks walk it, not the DOM, again. */
    private final List<Element> elements;
    private final Map<String, List<Element>> byId = new LinkedHashMap<>();
    private final Map<String, Element> resources = new LinkedHashMap<>();
    private final Map<String, Element> templates = new LinkedHashMap<>();
    private final Map<String, Element> tags = new LinkedHashMap<>();
    private final Set<String> nodeNames = new LinkedHashSet<>();

    ConfigurationIndex(CibDocument doc) {
        configuration = Dom.child(doc.root(), "configuration");
        elements = List.copyOf(Dom.descendants(configuration, null));
        // the tag first, then one attribute look-up at a time: at 10,000 resources every look-up
        // is a search among an element's attributes, 80,000 times
        for (Element element : elements) {
            if (NOT_ELEMENT_IDS.contains(element.getTagName())) {
                continue;
            }
            String id = element.getAttribute("id");
            if (!id.isEmpty() && !element.hasAttribute("id-ref")) {
                byId.computeIfAbsent(id, key -> new ArrayList<>()).add(element);
            }
        }
        Element resourcesSection = section("resources");
        for (Element element : Dom.descendants(resourcesSection, null)) {
            if (RESOURCE_TAGS.contains(element.getTagName())) {
                resources.putIfAbsent(element.getAttribute("id"), element);
            } else if (element.getTagName().equals("template")) {
                templates.putIfAbsent(element.getAttribute("id"), element);
            }
        }
        for (Element tag : Dom.descendants(section("tags"), "tag")) {
            tags.putIfAbsent(tag.getAttribute("id"), tag);
        }
        for (Element node : Dom.children(section("nodes"), "node")) {
            String uname = node.getAttribute("uname");
            nodeNames.add(uname.isEmpty() ? node.getAttribute("id") : uname);
        }
    }

    /** A direct child of {@code <configuration>}, or null. */
    Element section(String name) {
        return Dom.child(configuration, name);
    }

    /** The configuration's elements named {@code tagName} in document order, or all of them when it is null. */
    List<Element> all(String tagName) {
        if (tagName == null) {
            return elements;
        }
        List<Element> named = new ArrayList<>();
        for (Element element : elements) {
            if (tagName.equals(element.getTagName())) {
                named.add(element);
            }
        }
        return named;
    }

    Map<String, List<Element>> elementsById() {
        return byId;
    }

    Element elementWithId(String id) {
        List<Element> found = byId.get(id);
        return found == null ? null : found.get(0);
    }

    Map<String, Element> resources() {
        return resources;
    }

    Element resource(String id) {
        return resources.get(id);
    }

    Element template(String id) {
        return templates.get(id);
    }

    /** Whether a constraint may name {@code id}: a resource, a template or a tag. */
    boolean isConstrainable(String id) {
        return resources.containsKey(id) || templates.containsKey(id) || tags.containsKey(id);
    }

    Set<String> nodeNames() {
        return nodeNames;
    }

    /** The group, clone, master or bundle directly containing a resource, or null. */
    static Element container(Element resource) {
        return resource.getParentNode() instanceof Element parent && CONTAINER_TAGS.contains(parent.getTagName())
                ? parent : null;
    }

    /** The element itself, or the one its {@code id-ref} names (null when that does not exist). */
    Element resolve(Element element) {
        String ref = Dom.attribute(element, "id-ref");
        return ref == null ? element : elementWithId(ref);
    }
}
