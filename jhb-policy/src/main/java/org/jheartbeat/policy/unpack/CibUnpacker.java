package org.jheartbeat.policy.unpack;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.cib.upgrade.CibUpgrade;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.ClusterOptions;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.w3c.dom.Element;

/** Turns a CIB (either form) and the time into the scheduler's {@link Cluster}. */
public final class CibUnpacker {

    private CibUnpacker() {
    }

    /** The cluster options alone (crm_config), as {@link #unpack} reads them. */
    public static ClusterOptions options(CibDocument input, Instant now) {
        Element root = (CibUpgrade.isLegacy(input) ? CibUpgrade.upgrade(input) : input).root();
        IdIndex ids = new IdIndex(root);
        return new ClusterOptions(options(Xml.child(root, "configuration"), new NvSets(ids, new RuleEvaluator(ids)),
                now == null ? null : LocalDateTime.ofInstant(now, ZoneOffset.UTC)));
    }

    private static Map<String, String> options(Element configuration, NvSets sets, LocalDateTime now) {
        Map<String, String> options = new LinkedHashMap<>();
        sets.addTo(options, Xml.child(configuration, "crm_config"), "cluster_property_set", RuleContext.ofTime(now));
        return options;
    }

    public static Cluster unpack(CibDocument input, Instant now) {
        CibDocument cib = CibUpgrade.isLegacy(input) ? CibUpgrade.upgrade(input) : input;
        Element root = cib.root();
        LocalDateTime localNow = now == null ? null : LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        IdIndex ids = new IdIndex(root);
        RuleEvaluator rules = new RuleEvaluator(ids);
        NvSets sets = new NvSets(ids, rules);
        Element configuration = Xml.child(root, "configuration");
        Map<String, String> options = options(configuration, sets, localNow);
        boolean quorum = MetaValues.bool(Xml.attr(root, "have-quorum"), false);
        Cluster cluster = new Cluster(new ClusterOptions(options), now, quorum, Xml.attr(root, "dc-uuid"));

        Map<String, String> legacyDefaults = new LinkedHashMap<>();
        String legacyStickiness = options.get("default-resource-stickiness");
        if (legacyStickiness != null) {
            legacyDefaults.put("resource-stickiness", legacyStickiness);
        }
        String legacyManaged = options.get("is-managed-default");
        if (legacyManaged != null) {
            legacyDefaults.put("is-managed", legacyManaged);
        }
        ResourceDefaults defaults = new ResourceDefaults(sets, localNow, Xml.child(configuration, "rsc_defaults"),
                Xml.child(configuration, "op_defaults"), legacyDefaults);

        NodeUnpacker nodes = new NodeUnpacker(sets, localNow);
        nodes.unpackNodes(Xml.child(configuration, "nodes"), cluster);
        Element status = Xml.child(root, "status");
        Map<Element, Node> states = new LinkedHashMap<>();
        for (Element state : Xml.children(status, "node_state")) {
            Node node = nodeFor(state, cluster);
            if (node != null) {
                nodes.unpackNodeState(state, node, cluster);
                node.setStatusOrder(states.size());
                states.put(state, node);
            }
        }

        Map<String, Resource> byId = new HashMap<>();
        ResourceUnpacker resources = new ResourceUnpacker(ids, sets, localNow, defaults, byId);
        Element resourcesEl = Xml.child(configuration, "resources");
        resources.unpack(resourcesEl, cluster);

        StatusUnpacker history = new StatusUnpacker(cluster, new Orphans(cluster, resources, ids, byId));
        for (Map.Entry<Element, Node> s : states.entrySet()) {
            history.unpackHistory(s.getKey(), s.getValue());
        }
        boolean stonith = cluster.options().stonithEnabled();
        cluster.primitives().forEach(p -> p.setFencingRequired(p.needsFencing(stonith)));
        history.resolveMigrations();
        history.applyFailcounts();
        MultiplyActiveBlocks.apply(cluster);
        new ShutdownLocks(cluster).apply(states);

        new ConstraintUnpacker(ids, rules, sets, localNow, byId, Xml.child(configuration, "tags"), templateUsers(resources.madeFromTemplates(), byId))
                .unpack(Xml.child(configuration, "constraints"), cluster);
        applyMaintenance(cluster);
        if (!quorum && "suicide".equals(cluster.options().noQuorumPolicy())
                && MetaValues.bool(Xml.attr(root, "no-quorum-panic"), false)) {
            suicide(cluster);
        }
        return cluster;
    }

    /**
     * no-quorum-policy=suicide once the partition has lost the quorum it had (the controller
     * records no-quorum-panic): every node of the partition fences itself.
     */
    private static void suicide(Cluster cluster) {
        for (Node n : cluster.nodes().values()) {
            if (n.online()) {
                n.markUnclean("cluster does not have quorum");
            }
        }
    }

    /** Maintenance (cluster-wide, per resource, or of the node it runs on) leaves a resource unmanaged. */
    private static void applyMaintenance(Cluster cluster) {
        boolean clusterWide = cluster.options().maintenanceMode();
        for (Primitive p : cluster.primitives()) {
            if (clusterWide || onMaintenanceNode(p) || MetaValues.bool(p.meta("maintenance"), false)) {
                p.meta().put("is-managed", "false");
            }
        }
    }

    /** A loop, not a stream per primitive: at 10,000 the streams took a tenth of unpacking's JFR samples. */
    private static boolean onMaintenanceNode(Primitive p) {
        for (Node n : p.active().keySet()) {
            if (n.maintenance()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which top-level primitives and group members were made from each template: those the
     * resources' unpacking met (not a walk of every element of the configuration again).
     */
    private static Map<String, List<Resource>> templateUsers(Set<Element> madeFromTemplates, Map<String, Resource> byId) {
        Map<String, List<Resource>> users = new LinkedHashMap<>();
        for (Element e : madeFromTemplates) {
            Resource r = byId.get(e.getAttribute("id"));
            if (r != null) {
                users.computeIfAbsent(e.getAttribute("template"), k -> new ArrayList<>()).add(r);
            }
        }
        return users;
    }

    private static Node nodeFor(Element state, Cluster cluster) {
        String uname = Xml.attr(state, "uname");
        if (uname != null && cluster.node(uname) != null) {
            return cluster.node(uname);
        }
        String id = Xml.attr(state, "id");
        for (Node n : cluster.nodes().values()) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    /** Makes resources for history that the configuration no longer (or not enough) has. */
    private record Orphans(Cluster cluster, ResourceUnpacker resources, IdIndex ids, Map<String, Resource> byId)
            implements StatusUnpacker.OrphanFactory {

        @Override
        public Primitive orphan(String id, CompactElement lrmResource) {
            String standard = lrmResource.attribute("class");
            String provider = lrmResource.attribute("provider");
            String type = lrmResource.attribute("type");
            Map<String, String> meta = new LinkedHashMap<>(resources.orphanDefaults(standard, provider, type));
            if (!cluster.options().stopOrphanResources()) {
                meta.put("is-managed", "false");
            }
            Primitive p = new Primitive(id, meta, standard, provider, type, new LinkedHashMap<>(), List.of());
            p.setOrphan(true);
            cluster.addResource(p);
            cluster.primitivesById().put(id, p);
            byId.putIfAbsent(id, p);
            return p;
        }

        @Override
        public Resource extraInstance(Clone clone) {
            Element cloneEl = ids.get(clone.id());
            Element child = null;
            for (Element c : Xml.children(cloneEl)) {
                if (c.getTagName().equals("primitive") || c.getTagName().equals("group")) {
                    child = c;
                    break;
                }
            }
            Resource instance = resources.instance(child, clone.meta(), ":" + clone.children().size());
            clone.addInstance(instance);
            for (Primitive p : instance.primitives()) {
                p.setOrphan(true);
                cluster.primitivesById().put(p.id(), p);
            }
            return instance;
        }
    }
}
