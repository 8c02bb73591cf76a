package org.jheartbeat.policy.unpack;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.OpConfig;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;
import org.w3c.dom.Element;

/**
 * Reads {@code <resources>}: primitives (and templates), groups, clones and promotable clones
 * in both forms, with meta attributes inherited from the parent and rsc_defaults, and creates
 * the clone instances.
 */
final class ResourceUnpacker {

    private final IdIndex ids;
    private final NvSets sets;
    private final LocalDateTime now;
    private final ResourceDefaults defaults;
    private final Map<String, Resource> byId;
    /** The primitive elements naming a template, in the order met (the document's). */
    private final Set<Element> madeFromTemplates = new LinkedHashSet<>();

    ResourceUnpacker(IdIndex ids, NvSets sets, LocalDateTime now, ResourceDefaults defaults,
                     Map<String, Resource> byId) {
        this.ids = ids;
        this.sets = sets;
        this.now = now;
        this.defaults = defaults;
        this.byId = byId;
    }

    void unpack(Element resources, Cluster cluster) {
        int nodeCount = cluster.nodes().size();
        for (Element e : Xml.children(resources)) {
            Resource r = switch (e.getTagName()) {
                case "primitive" -> primitive(e, Map.of(), "");
                case "group" -> group(e, Map.of(), "");
                case "clone" -> clone(e, MetaValues.bool(meta(e, Map.of()).get("promotable"), false), nodeCount);
                case "master" -> clone(e, true, nodeCount);
                default -> null;
            };
            if (r != null) {
                cluster.addResource(r);
                register(r, cluster);
            }
        }
    }

    private void register(Resource r, Cluster cluster) {
        byId.putIfAbsent(r.id(), r);
        if (r instanceof Primitive p) {
            cluster.primitivesById().put(p.id(), p);
        }
        for (Resource c : r.children()) {
            register(c, cluster);
        }
    }

    private Map<String, String> meta(Element e, Map<String, String> inherited) {
        Map<String, String> m = sets.read(e, "meta_attributes", RuleContext.ofTime(now));
        // Heartbeat 2.1 and early Pacemaker put meta attributes such as target_role among instance attributes
        Map<String, String> inst = sets.read(e, "instance_attributes", RuleContext.ofTime(now));
        for (String key : List.of("target_role", "is_managed", "resource_stickiness")) {
            if (inst.containsKey(key)) {
                m.putIfAbsent(key.replace('_', '-'), inst.get(key));
            }
        }
        Map<String, String> normalised = new LinkedHashMap<>();
        m.forEach((k, v) -> normalised.putIfAbsent(k.replace('_', '-'), v));
        inherited.forEach(normalised::putIfAbsent);
        return normalised;
    }

    private Map<String, String> withDefaults(Map<String, String> meta, String standard, String provider, String type) {
        Map<String, String> m = new LinkedHashMap<>(meta);
        defaults.forResource(standard, provider, type).forEach((k, v) -> m.putIfAbsent(k.replace('_', '-'), v));
        return m;
    }

    Primitive primitive(Element e, Map<String, String> inherited, String suffix) {
        Element template = null;
        if (e.hasAttribute("template")) {
            template = ids.get(e.getAttribute("template"));
            madeFromTemplates.add(e);
        }
        Map<String, String> meta = meta(e, inherited);
        if (template != null) {
            meta(template, Map.of()).forEach(meta::putIfAbsent);
        }
        Element source = template != null ? template : e;
        String standard = Xml.attr(source, "class", Xml.attr(e, "class"));
        String provider = Xml.attr(source, "provider", Xml.attr(e, "provider"));
        String type = Xml.attr(source, "type", Xml.attr(e, "type"));
        meta = withDefaults(meta, standard, provider, type);
        Map<String, String> params = sets.read(e, "instance_attributes", RuleContext.ofTime(now));
        if (template != null) {
            sets.read(template, "instance_attributes", RuleContext.ofTime(now)).forEach(params::putIfAbsent);
        }
        // the instance attributes of the group or clone it is in are its parameters too
        for (org.w3c.dom.Node up = e.getParentNode(); up instanceof Element parent
                && List.of("group", "clone", "master").contains(parent.getTagName()); up = parent.getParentNode()) {
            sets.read(parent, "instance_attributes", RuleContext.ofTime(now)).forEach(params::putIfAbsent);
        }
        RuleContext.Agent agent = new RuleContext.Agent(standard, provider, type);
        List<OpConfig> ops = new ArrayList<>();
        ops.addAll(ops(e, agent));
        if (template != null) {
            for (OpConfig op : ops(template, agent)) {
                if (ops.stream().noneMatch(o -> o.name().equals(op.name()) && o.intervalMs() == op.intervalMs())) {
                    ops.add(op);
                }
            }
        }
        Primitive p = new Primitive(e.getAttribute("id") + suffix, meta, standard, provider, type, params, ops);
        Map<String, String> utilization = sets.read(e, "utilization", RuleContext.ofTime(now));
        if (template != null) {
            sets.read(template, "utilization", RuleContext.ofTime(now)).forEach(utilization::putIfAbsent);
        }
        utilization.forEach((k, v) -> p.utilization().put(k, MetaValues.integer(v, 0)));
        return p;
    }

    private List<OpConfig> ops(Element e, RuleContext.Agent agent) {
        List<OpConfig> out = new ArrayList<>();
        for (Element opsEl : Xml.children(e, "operations")) {
            for (Element opRef : Xml.children(ids.resolve(opsEl), "op")) {
                Element op = ids.resolve(opRef);
                Map<String, String> meta = sets.valuesOf(op, "meta_attributes", RuleContext.ofTime(now));
                String name = Xml.attr(op, "name");
                long interval = MetaValues.millis(opValue(op, meta, Map.of(), "interval"), 0);
                Map<String, String> opDefaults = defaults.forOperation(agent.standard(), agent.provider(), agent.type(),
                        name, interval);
                out.add(new OpConfig(Xml.attr(op, "id"), name,
                        MetaValues.millis(opValue(op, meta, opDefaults, "interval"), 0),
                        Role.parse(opValue(op, meta, opDefaults, "role")), opValue(op, meta, opDefaults, "on-fail"),
                        MetaValues.millis(opValue(op, meta, opDefaults, "timeout"), 20_000),
                        MetaValues.bool(opValue(op, meta, opDefaults, "enabled"), true),
                        sets.valuesOf(op, "instance_attributes", RuleContext.ofTime(now))));
            }
        }
        return out;
    }

    /**
     * An operation's setting: its own attribute, else its meta attribute, else op_defaults'.
     * Looked up where needed rather than every attribute copied into a map per operation
     * (30,000 of them at 10,000 resources).
     */
    private static String opValue(Element op, Map<String, String> meta, Map<String, String> opDefaults, String name) {
        String value = Xml.attr(op, name);
        if (value == null) {
            value = meta.get(name);
        }
        return value == null ? opDefaults.get(name) : value;
    }

    private Group group(Element e, Map<String, String> inherited, String suffix) {
        Map<String, String> meta = meta(e, inherited);
        List<Primitive> members = new ArrayList<>();
        for (Element c : Xml.children(e, "primitive")) {
            members.add(primitive(c, meta, suffix));
        }
        return new Group(e.getAttribute("id") + suffix, withDefaults(meta, null, null, null), members);
    }

    private Clone clone(Element e, boolean promotable, int nodeCount) {
        Map<String, String> meta = meta(e, Map.of());
        Clone clone = new Clone(e.getAttribute("id"), withDefaults(meta, null, null, null), promotable);
        Element child = null;
        for (Element c : Xml.children(e)) {
            if (c.getTagName().equals("primitive") || c.getTagName().equals("group")) {
                child = c;
                break;
            }
        }
        if (child == null) {
            return clone;
        }
        int max = clone.cloneMax(nodeCount);
        Map<String, String> childInherited = new LinkedHashMap<>(meta);
        for (int i = 0; i < max; i++) {
            clone.addInstance(instance(child, childInherited, ":" + i));
        }
        if (max <= 0) {
            // with clone-max 0 there is still an instance :0, beyond clone-max, for the history to be matched to
            Resource orphan = instance(child, childInherited, ":0");
            orphan.primitives().forEach(p -> p.setOrphan(true));
            clone.addInstance(orphan);
        }
        return clone;
    }

    /** The primitive elements read so far that name a template, in document order. */
    Set<Element> madeFromTemplates() {
        return madeFromTemplates;
    }

    /** The defaults an orphan (history of a resource no longer configured) of this agent gets. */
    Map<String, String> orphanDefaults(String standard, String provider, String type) {
        return defaults.forResource(standard, provider, type);
    }

    Resource instance(Element child, Map<String, String> inherited, String suffix) {
        return child.getTagName().equals("group") ? group(child, inherited, suffix) : primitive(child, inherited, suffix);
    }
}
