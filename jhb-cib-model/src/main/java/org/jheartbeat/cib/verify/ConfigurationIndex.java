package org.jheartbeat.cib.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

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
    /** The {@code id-ref} of the element at the same place in {@link #elements}, null where it has none. */
    private final String[] idRefs;
    /** Each id with the first element that has it, in document order. */
    private final Map<String, Element> byId = new LinkedHashMap<>();
    /** The later elements with an id used before, by that id (usually none). */
    private final Map<String, List<Element>> repeatedIds = new HashMap<>();
    private final Map<String, Element> resources = new LinkedHashMap<>();
    private final Map<String, Element> templates = new LinkedHashMap<>();
    private final Map<String, Element> tags = new LinkedHashMap<>();
    private final Set<String> nodeNames = new LinkedHashSet<>();

    ConfigurationIndex(CibDocument doc) {
        configuration = Dom.child(doc.root(), "configuration");
        Element resourcesSection = section("resources");
        Element tagsSection = section("tags");
        List<Element> walked = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        // One walk, section by section, and each element's attributes read once for its id and
        // id-ref: at 10,000 resources each look-up by name is a search among an element's
        // attributes, 80,000 times, and was most of the identity check.
        for (Element section : Dom.children(configuration, Set.of())) {
            walked.add(section);
            refs.add(index(section, false, false));
            for (Element element : Dom.descendants(section, null)) {
                walked.add(element);
                refs.add(index(element, section == resourcesSection, section == tagsSection));
            }
        }
        elements = List.copyOf(walked);
        idRefs = refs.toArray(new String[0]);
        for (Element node : Dom.children(section("nodes"), "node")) {
            String uname = node.getAttribute("uname");
            nodeNames.add(uname.isEmpty() ? node.getAttribute("id") : uname);
        }
    }

    /**
     * Indexes the element by its id, and as a resource, template or tag when it is below
     * {@code <resources>} or {@code <tags>}; returns its id-ref, or null.
     */
    private String index(Element element, boolean inResources, boolean inTags) {
        String id = null;
        String idRef = null;
        // asked first: the DOM makes an attribute map for an element without one when asked for
        // it, a change to the document the unpacking reads on another thread
        NamedNodeMap attributes = element.hasAttributes() ? element.getAttributes() : null;
        for (int i = 0, n = attributes == null ? 0 : attributes.getLength(); i < n; i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getNodeName();
            if (name.equals("id")) {
                id = attribute.getNodeValue();
            } else if (name.equals("id-ref")) {
                idRef = attribute.getNodeValue();
            }
        }
        String tagName = element.getTagName();
        String idOrEmpty = id == null ? "" : id;
        if (idRef == null && !idOrEmpty.isEmpty() && !NOT_ELEMENT_IDS.contains(tagName)) {
            Element first = byId.putIfAbsent(idOrEmpty, element);
            if (first != null) {
                repeatedIds.computeIfAbsent(idOrEmpty, key -> new ArrayList<>()).add(element);
            }
        }
        if (inResources) {
            if (RESOURCE_TAGS.contains(tagName)) {
                resources.putIfAbsent(idOrEmpty, element);
            } else if (tagName.equals("template")) {
                templates.putIfAbsent(idOrEmpty, element);
            }
        } else if (inTags && tagName.equals("tag")) {
            tags.putIfAbsent(idOrEmpty, element);
        }
        return idRef;
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

    /** Each id with the first element that has it, in document order. */
    Map<String, Element> firstById() {
        return byId;
    }

    /** The elements after the first with the same id, by that id; empty when every id names one element. */
    Map<String, List<Element>> repeatedIds() {
        return repeatedIds;
    }

    Element elementWithId(String id) {
        return byId.get(id);
    }

    /** The {@code id-ref} of the element at this place in {@code all(null)}, or null. */
    String idRefAt(int index) {
        return idRefs[index];
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
