package org.jheartbeat.cib.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Who waits for whom: the order graph (an edge A to B when B starts after A) and the colocation
 * graph (an edge A to B when A is placed with B), between primitives. Constraints on a group
 * or clone are expanded to the member that starts (or is placed) first or last, and a group's
 * own chain of members is part of both graphs, so a loop through a group is found too.
 */
final class ConstraintGraph {

    /** One dependency and the element it comes from; {@code mandatory} for Mandatory orders and INFINITY colocations. */
    record Edge(String from, String to, Element source, boolean mandatory) {
    }

    private final ConfigurationIndex config;
    private final boolean colocating;
    private final Map<String, List<Edge>> edges = new LinkedHashMap<>();

    private ConstraintGraph(ConfigurationIndex config, boolean colocating) {
        this.config = config;
        this.colocating = colocating;
    }

    static ConstraintGraph ordering(ConfigurationIndex config) {
        ConstraintGraph graph = new ConstraintGraph(config, false);
        graph.addGroupChains();
        for (Element order : Dom.children(config.section("constraints"), "rsc_order")) {
            boolean mandatory = isMandatory(order);
            if (order.hasAttribute("first") && order.hasAttribute("then")) {
                graph.add(order.getAttribute("first"), order.getAttribute("then"), order, mandatory);
            }
            graph.addSets(order, mandatory);
        }
        return graph;
    }

    static ConstraintGraph colocation(ConfigurationIndex config) {
        ConstraintGraph graph = new ConstraintGraph(config, true);
        graph.addGroupChains();
        for (Element colocation : Dom.children(config.section("constraints"), "rsc_colocation")) {
            Optional<Score> score = Score.parse(colocation.getAttribute("score"));
            if (score.isEmpty() || score.get().value() <= 0) {
                continue;
            }
            boolean mandatory = score.get().isPlusInfinity();
            if (colocation.hasAttribute("rsc") && colocation.hasAttribute("with-rsc")) {
                graph.add(colocation.getAttribute("rsc"), colocation.getAttribute("with-rsc"), colocation, mandatory);
            }
            graph.addSets(colocation, mandatory);
        }
        return graph;
    }

    Map<String, List<Edge>> edges() {
        return edges;
    }

    /**
     * Within a sequential set each member depends on the one before (for orders the earlier
     * comes first; for colocations the later is placed with the earlier); between sets, the
     * members of one set with those of the next.
     */
    private void addSets(Element constraint, boolean mandatory) {
        List<List<String>> sets = new ArrayList<>();
        for (Element set : Dom.children(constraint, "resource_set")) {
            List<String> members = Dom.children(set, "resource_ref").stream().map(ref -> ref.getAttribute("id")).toList();
            if (!set.getAttribute("sequential").equals("false")) {
                for (int i = 1; i < members.size(); i++) {
                    if (colocating) {
                        add(members.get(i), members.get(i - 1), constraint, mandatory);
                    } else {
                        add(members.get(i - 1), members.get(i), constraint, mandatory);
                    }
                }
            }
            sets.add(members);
        }
        for (int i = 1; i < sets.size(); i++) {
            for (String earlier : sets.get(i - 1)) {
                for (String later : sets.get(i)) {
                    add(earlier, later, constraint, mandatory);
                }
            }
        }
    }

    private void addGroupChains() {
        for (Element group : config.all("group")) {
            List<Element> members = Dom.children(group, ConfigurationIndex.RESOURCE_TAGS);
            for (int i = 1; i < members.size(); i++) {
                String earlier = members.get(i - 1).getAttribute("id");
                String later = members.get(i).getAttribute("id");
                if (colocating) {
                    add(later, earlier, group, true);
                } else {
                    add(earlier, later, group, true);
                }
            }
        }
    }

    private void add(String from, String to, Element source, boolean mandatory) {
        String fromPrimitive = edgePrimitive(from, !colocating);
        String toPrimitive = edgePrimitive(to, false);
        edges.computeIfAbsent(fromPrimitive, key -> new ArrayList<>())
                .add(new Edge(fromPrimitive, toPrimitive, source, mandatory));
    }

    /**
     * The primitive standing for a resource: a group starts with its first member and has
     * started with its last ({@code last}); it is placed where its first member is.
     */
    private String edgePrimitive(String id, boolean last) {
        Element resource = config.resource(id);
        while (resource != null && ConfigurationIndex.CONTAINER_TAGS.contains(resource.getTagName())) {
            List<Element> members = Dom.children(resource, ConfigurationIndex.RESOURCE_TAGS);
            if (members.isEmpty()) {
                break;
            }
            resource = resource.getTagName().equals("group") && last ? members.get(members.size() - 1) : members.get(0);
        }
        return resource == null ? id : resource.getAttribute("id");
    }

    private static boolean isMandatory(Element order) {
        String kind = order.getAttribute("kind");
        if (!kind.isEmpty()) {
            return kind.equals("Mandatory");
        }
        Optional<Score> score = Score.parse(order.getAttribute("score"));
        return !order.hasAttribute("score") || score.map(s -> s.value() > 0).orElse(true);
    }
}
