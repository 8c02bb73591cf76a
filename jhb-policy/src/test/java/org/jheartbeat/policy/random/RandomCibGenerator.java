package org.jheartbeat.policy.random;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jheartbeat.policy.random.CibShape.Agent;
import org.jheartbeat.policy.random.CibShape.Clone;
import org.jheartbeat.policy.random.CibShape.ClusterNode;
import org.jheartbeat.policy.random.CibShape.Group;
import org.jheartbeat.policy.random.CibShape.NodeState;
import org.jheartbeat.policy.random.CibShape.Primitive;
import org.jheartbeat.policy.random.CibShape.Resource;
import org.jheartbeat.policy.random.CibShape.Single;

/**
 * Draws a random valid CIB in the current (pacemaker-3.9) form from a seed: the same seed and
 * level always give the same text. The configuration is drawn here; where things run now comes
 * from {@link HistoryDraw} and is written by {@link StatusWriter}. Pacemaker 2.1.5's
 * {@code crm_simulate -S -x} accepts every CIB it makes (a few of them trip a fatal assertion
 * inside Pacemaker, which {@link DifferentialRun} counts apart).
 */
public final class RandomCibGenerator {

    /** The scheduler's "now" for generated CIBs: all history is older. */
    public static final long NOW_EPOCH_SECONDS = 1_700_000_000L;

    private static final int[] PLAIN_SCORES = {-1000, -500, -200, -100, -50, -10, -1, 0, 1, 5, 10, 50, 100, 200, 500, 1000};
    private static final String[] STICKINESS = {"0", "1", "50", "100", "1000", "INFINITY"};

    private final Draw draw;
    private final CibLevel level;
    private final CibShape shape = new CibShape();
    private final Set<String> features = new TreeSet<>();
    private final Map<String, Resource> resourcesById = new LinkedHashMap<>();
    private final List<String> groupMembers = new ArrayList<>();
    private int nextPrimitive = 1;
    private int nextTop = 1;
    private int nextConstraint = 1;

    private RandomCibGenerator(long seed, CibLevel level) {
        this.draw = new Draw(seed);
        this.level = level;
    }

    public static GeneratedCib generate(long seed, CibLevel level) {
        RandomCibGenerator generator = new RandomCibGenerator(seed, level);
        String xml = generator.build();
        return new GeneratedCib(seed, level, xml, Set.copyOf(generator.features));
    }

    private String build() {
        boolean fencing = draw.chance(0.4);
        drawNodes(fencing);
        String dc = shape.nodes.stream().filter(n -> n.state() == NodeState.ONLINE).findFirst().orElseThrow().id();
        XmlElement cib = new XmlElement("cib").set("crm_feature_set", "3.16.1", "validate-with", "pacemaker-3.9",
                "epoch", "1", "num_updates", "0", "admin_epoch", "0", "have-quorum", quorum(), "dc-uuid", dc);
        XmlElement configuration = cib.add("configuration");
        configuration.add(clusterOptions(fencing));
        configuration.add(nodes());
        XmlElement resources = configuration.add("resources");
        if (fencing && draw.chance(0.95)) {
            addTop(new Single(new Primitive("fencing", Agent.FENCE)), resources);
        } else if (fencing) {
            features.add("fencing-without-device");
        }
        int count = level == CibLevel.SIMPLE ? draw.between(1, 6) : draw.between(1, 7);
        for (int i = 0; i < count; i++) {
            addTop(drawResource(), resources);
        }
        XmlElement constraints = configuration.add("constraints");
        addLocations(constraints, count);
        addColocations(constraints, count);
        if (level == CibLevel.FULL) {
            addOrders(constraints, count);
        }
        XmlElement defaults = resourceDefaults();
        if (!defaults.isEmpty()) {
            configuration.add("rsc_defaults").add(defaults);
        }
        new HistoryDraw(draw, shape, level, features).run();
        cib.add(new StatusWriter(shape, NOW_EPOCH_SECONDS).status());
        return cib.toXml();
    }

    private String quorum() {
        if (level == CibLevel.FULL && draw.chance(0.05)) {
            features.add("no-quorum");
            return "0";
        }
        return "1";
    }

    // ---- nodes

    private void drawNodes(boolean fencing) {
        int count = draw.between(2, 6);
        int alwaysOnline = draw.between(0, count - 1);
        for (int i = 0; i < count; i++) {
            NodeState state = i == alwaysOnline ? NodeState.ONLINE : drawNodeState();
            if (state != NodeState.ONLINE) {
                features.add("node-" + state.name().toLowerCase().replace('_', '-'));
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("rack", String.valueOf(draw.between(1, 2)));
            if (draw.chance(0.6)) {
                attributes.put("ssd", draw.chance(0.5) ? "yes" : "no");
            }
            if (state == NodeState.STANDBY) {
                attributes.put("standby", "on");
            } else if (state == NodeState.MAINTENANCE) {
                attributes.put("maintenance", "on");
            }
            shape.nodes.add(new ClusterNode(String.valueOf(i + 1), "node" + (i + 1), state, attributes));
        }
        if (fencing) {
            features.add("fencing");
        }
    }

    private NodeState drawNodeState() {
        int roll = draw.between(1, 100);
        if (roll <= 60) {
            return NodeState.ONLINE;
        } else if (roll <= 68) {
            return NodeState.STANDBY;
        } else if (roll <= 74) {
            return NodeState.MAINTENANCE;
        } else if (roll <= 83) {
            return NodeState.UNCLEAN;
        } else if (roll <= 95) {
            return NodeState.OFFLINE;
        }
        return NodeState.NEVER_SEEN;
    }

    private XmlElement clusterOptions(boolean fencing) {
        XmlElement set = new XmlElement("cluster_property_set").set("id", "cib-bootstrap-options");
        option(set, "stonith-enabled", String.valueOf(fencing));
        if (draw.chance(0.08)) {
            option(set, "symmetric-cluster", "false");
            features.add("opt-in");
        }
        if (features.contains("no-quorum")) {
            option(set, "no-quorum-policy", draw.pick(List.of("stop", "ignore", "freeze")));
        }
        XmlElement crmConfig = new XmlElement("crm_config");
        crmConfig.add(set);
        return crmConfig;
    }

    private static void option(XmlElement set, String name, String value) {
        set.add("nvpair", "id", "cib-bootstrap-options-" + name, "name", name, "value", value);
    }

    private XmlElement nodes() {
        XmlElement nodes = new XmlElement("nodes");
        for (ClusterNode node : shape.nodes) {
            XmlElement element = nodes.add("node", "id", node.id(), "uname", node.name(), "type", "member");
            XmlElement attributes = element.add("instance_attributes", "id", "nodes-" + node.id());
            node.attributes().forEach((name, value) ->
                    attributes.add("nvpair", "id", "nodes-" + node.id() + "-" + name, "name", name, "value", value));
        }
        return nodes;
    }

    // ---- resources

    private Resource drawResource() {
        int roll = draw.between(1, 100);
        if (level == CibLevel.SIMPLE) {
            return roll <= 60 ? new Single(primitive(Agent.DUMMY)) : group("group" + nextTop++);
        }
        if (roll <= 35) {
            return new Single(primitive(Agent.DUMMY));
        } else if (roll <= 55) {
            return group("group" + nextTop++);
        } else if (roll <= 80) {
            features.add("clone");
            String id = "clone" + nextTop++;
            Resource child = draw.chance(0.75) ? new Single(primitive(Agent.DUMMY)) : group(id + "-group");
            if (child instanceof Group) {
                features.add("cloned-group");
            }
            boolean unique = draw.chance(0.1);
            if (unique) {
                features.add("unique-clone");
            }
            return new Clone(id, child, false, unique, draw.chance(0.6) ? 0 : draw.between(1, shape.nodes.size()));
        }
        features.add("promotable");
        String id = "promotable" + nextTop++;
        return new Clone(id, new Single(primitive(Agent.STATEFUL)), true, false,
                draw.chance(0.7) ? 0 : draw.between(1, shape.nodes.size()));
    }

    private Primitive primitive(Agent agent) {
        return new Primitive("rsc" + nextPrimitive++, agent);
    }

    private Group group(String id) {
        features.add("group");
        List<Primitive> members = new ArrayList<>();
        int size = draw.between(2, 3);
        for (int i = 0; i < size; i++) {
            members.add(primitive(Agent.DUMMY));
        }
        return new Group(id, members);
    }

    private void addTop(Resource resource, XmlElement resources) {
        shape.resources.add(resource);
        resourcesById.put(resource.id(), resource);
        resources.add(element(resource, true));
    }

    private XmlElement element(Resource resource, boolean top) {
        Map<String, String> meta = new LinkedHashMap<>();
        if (resource instanceof Clone clone) {
            meta.putAll(cloneMeta(clone));
        }
        if (top) {
            meta.putAll(resourceMeta(resource));
        }
        if (resource instanceof Single single) {
            return primitiveElement(single.primitive(), meta);
        }
        String tag = resource instanceof Group ? "group" : "clone";
        XmlElement element = new XmlElement(tag).set("id", resource.id());
        meta(element, resource.id(), meta);
        if (resource instanceof Group group) {
            for (Primitive member : group.members()) {
                Map<String, String> memberMeta = Map.of();
                if (top) {
                    groupMembers.add(member.id());
                    if (draw.chance(0.05)) {
                        memberMeta = Map.of("resource-stickiness", draw.pick(List.of(STICKINESS)));
                        features.add("member-meta");
                    }
                }
                element.add(primitiveElement(member, memberMeta));
            }
        } else {
            element.add(element(((Clone) resource).child(), false));
        }
        return element;
    }

    private Map<String, String> cloneMeta(Clone clone) {
        Map<String, String> meta = new LinkedHashMap<>();
        if (clone.promotable()) {
            meta.put("promotable", "true");
            if (draw.chance(0.2)) {
                meta.put("promoted-max", "2");
                features.add("promoted-max");
            }
        }
        if (clone.unique()) {
            meta.put("globally-unique", "true");
        }
        if (clone.cloneMax() > 0) {
            meta.put("clone-max", String.valueOf(clone.cloneMax()));
            features.add("clone-max");
        }
        if (draw.chance(0.3)) {
            meta.put("interleave", "true");
        }
        return meta;
    }

    private static XmlElement primitiveElement(Primitive primitive, Map<String, String> meta) {
        Agent agent = primitive.agent();
        XmlElement element = new XmlElement("primitive").set("id", primitive.id(), "class", agent.standard);
        if (agent.provider != null) {
            element.set("provider", agent.provider);
        }
        element.set("type", agent.type);
        meta(element, primitive.id(), meta);
        XmlElement operations = element.add("operations");
        String id = primitive.id();
        if (agent == Agent.STATEFUL) {
            operations.add("op", "id", id + "-monitor-10s", "name", "monitor", "interval", "10s", "role", "Unpromoted");
            operations.add("op", "id", id + "-monitor-11s", "name", "monitor", "interval", "11s", "role", "Promoted");
        } else {
            operations.add("op", "id", id + "-monitor-10s", "name", "monitor", "interval", "10s");
        }
        return element;
    }

    /** Meta attributes of a top-level resource: stickiness, failure threshold, target role, management. */
    private Map<String, String> resourceMeta(Resource resource) {
        Map<String, String> meta = new LinkedHashMap<>();
        if (resource.primitives().get(0).agent() == Agent.FENCE) {
            return meta;
        }
        if (draw.chance(0.3)) {
            meta.put("resource-stickiness", draw.pick(List.of(STICKINESS)));
            features.add("stickiness");
        }
        if (draw.chance(0.2)) {
            meta.put("migration-threshold", String.valueOf(draw.between(1, 3)));
            features.add("migration-threshold");
        }
        int roll = draw.between(1, 100);
        boolean promotable = resource instanceof Clone clone && clone.promotable();
        if (roll <= 5) {
            meta.put("target-role", "Stopped");
            features.add("target-role-stopped");
        } else if (roll <= 9 && promotable) {
            meta.put("target-role", "Unpromoted");
            features.add("target-role-unpromoted");
        } else if (roll <= 12) {
            meta.put("target-role", "Started");
        } else if (roll <= 15) {
            meta.put("is-managed", "false");
            features.add("unmanaged");
        }
        return meta;
    }

    private XmlElement resourceDefaults() {
        XmlElement set = new XmlElement("meta_attributes").set("id", "rsc-options");
        if (draw.chance(0.3)) {
            String value = draw.pick(List.of(STICKINESS));
            set.add("nvpair", "id", "rsc-options-resource-stickiness", "name", "resource-stickiness", "value", value);
            features.add("stickiness");
        }
        if (draw.chance(0.15)) {
            String value = String.valueOf(draw.between(1, 3));
            set.add("nvpair", "id", "rsc-options-migration-threshold", "name", "migration-threshold", "value", value);
            features.add("migration-threshold");
        }
        return set;
    }

    private static void meta(XmlElement element, String id, Map<String, String> meta) {
        if (meta.isEmpty()) {
            return;
        }
        XmlElement set = element.add("meta_attributes", "id", id + "-meta");
        meta.forEach((name, value) -> set.add("nvpair", "id", id + "-meta-" + name, "name", name, "value", value));
    }

    // ---- constraints

    /** The resources constraints may name: top-level ones (not the fencing device), now and then a group member. */
    private String constrainable() {
        if (!groupMembers.isEmpty() && draw.chance(0.08)) {
            features.add("constraint-on-member");
            return draw.pick(groupMembers);
        }
        List<String> ids = new ArrayList<>(resourcesById.keySet());
        ids.remove("fencing");
        return draw.pick(ids);
    }

    /**
     * A colocation or order between a group and one of its own members: the group already places
     * and orders its members, so no one configures that (Pacemaker's result on such a loop is
     * an accident of its assignment order, not a rule to match).
     */
    private boolean groupAndOwnMember(String a, String b) {
        return isMemberOf(a, b) || isMemberOf(b, a);
    }

    private boolean isMemberOf(String member, String group) {
        return resourcesById.get(group) instanceof Group g && g.members().stream().anyMatch(m -> m.id().equals(member));
    }

    private boolean isPromotable(String id) {
        return resourcesById.get(id) instanceof Clone clone && clone.promotable();
    }

    private String constraintId(String kind) {
        return kind + "-" + nextConstraint++;
    }

    private void addLocations(XmlElement constraints, int resources) {
        int count = draw.between(0, resources + 1);
        for (int i = 0; i < count; i++) {
            String rsc = constrainable();
            String id = constraintId("location");
            XmlElement location = constraints.add("rsc_location", "id", id, "rsc", rsc);
            boolean rule = draw.chance(0.4);
            String score = score();
            if (!rule) {
                location.set("node", draw.pick(shape.nodes).name(), "score", score);
                features.add("location");
            } else {
                XmlElement ruleElement = location.add("rule", "id", id + "-rule", "score", score);
                features.add("location-rule");
                int expressions = draw.chance(0.25) ? 2 : 1;
                if (expressions == 2) {
                    ruleElement.set("boolean-op", draw.chance(0.5) ? "and" : "or");
                }
                for (int e = 1; e <= expressions; e++) {
                    ruleElement.add(expression(id + "-rule-expr-" + e));
                }
            }
            if (isPromotable(rsc) && draw.chance(0.3)) {
                location.set("role", draw.chance(0.7) ? "Promoted" : "Unpromoted");
                features.add("location-role");
            }
            scoreFeature("location", score);
        }
    }

    private XmlElement expression(String id) {
        XmlElement expression = new XmlElement("expression").set("id", id);
        int roll = draw.between(1, 6);
        switch (roll) {
            case 1, 2 -> expression.set("attribute", "#uname", "operation", draw.chance(0.8) ? "eq" : "ne",
                    "value", draw.pick(shape.nodes).name());
            case 3 -> expression.set("attribute", "rack", "operation", "eq", "value", String.valueOf(draw.between(1, 2)));
            case 4 -> expression.set("attribute", "ssd", "operation", draw.chance(0.5) ? "defined" : "not_defined");
            case 5 -> expression.set("attribute", "ssd", "operation", "eq", "value", "yes");
            default -> expression.set("attribute", "rack", "operation", draw.chance(0.5) ? "gt" : "lte",
                    "value", "1", "type", "number");
        }
        return expression;
    }

    private void addColocations(XmlElement constraints, int resources) {
        if (resourcesById.size() - (resourcesById.containsKey("fencing") ? 1 : 0) < 2) {
            return;
        }
        int count = draw.between(0, resources);
        for (int i = 0; i < count; i++) {
            String rsc = constrainable();
            String withRsc = constrainable();
            if (rsc.equals(withRsc) || groupAndOwnMember(rsc, withRsc)) {
                continue;
            }
            String score = score();
            XmlElement colocation = constraints.add("rsc_colocation", "id", constraintId("colocation"),
                    "rsc", rsc, "with-rsc", withRsc, "score", score);
            scoreFeature("colocation", score);
            if (isPromotable(rsc) && draw.chance(0.5)) {
                colocation.set("rsc-role", draw.pick(List.of("Promoted", "Unpromoted", "Started")));
                features.add("colocation-role");
            }
            if (isPromotable(withRsc) && draw.chance(0.5)) {
                colocation.set("with-rsc-role", draw.pick(List.of("Promoted", "Unpromoted", "Started")));
                features.add("colocation-role");
            }
        }
    }

    private void addOrders(XmlElement constraints, int resources) {
        if (resources < 2) {
            return;
        }
        int count = draw.between(0, resources - 1);
        for (int i = 0; i < count; i++) {
            String first = constrainable();
            String then = constrainable();
            if (first.equals(then) || groupAndOwnMember(first, then)) {
                continue;
            }
            String kind = draw.pick(List.of("Mandatory", "Mandatory", "Optional", "Serialize"));
            XmlElement order = constraints.add("rsc_order", "id", constraintId("order"),
                    "first", first, "then", then, "kind", kind);
            features.add("order-" + kind.toLowerCase());
            if (isPromotable(first) && draw.chance(0.4)) {
                order.set("first-action", draw.chance(0.7) ? "promote" : "demote");
                features.add("order-role-action");
            }
            if (isPromotable(then) && draw.chance(0.3)) {
                order.set("then-action", "promote");
                features.add("order-role-action");
            }
            if (draw.chance(0.1)) {
                order.set("symmetrical", "false");
                features.add("order-asymmetric");
            }
        }
    }

    private String score() {
        int roll = draw.between(1, 100);
        if (roll <= 22) {
            return "INFINITY";
        } else if (roll <= 40) {
            return "-INFINITY";
        } else if (roll <= 80) {
            return String.valueOf(PLAIN_SCORES[draw.between(0, PLAIN_SCORES.length - 1)]);
        }
        return String.valueOf(draw.between(-3000, 3000));
    }

    private void scoreFeature(String kind, String score) {
        if (score.equals("INFINITY")) {
            features.add(kind + "-inf");
        } else if (score.equals("-INFINITY")) {
            features.add(kind + "-minus-inf");
        }
    }
}
