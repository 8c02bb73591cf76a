package org.jheartbeat.policy.unpack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.w3c.dom.Element;

/**
 * Reads each node's operation history from the status section: where every resource is
 * active, in which role, what failed, and the failcounts that keep it away from a node.
 * Anonymous clone history (recorded under the clone's child id) is matched to instances.
 */
final class StatusUnpacker {

    private final Cluster cluster;
    private final OrphanFactory orphans;
    private final MigrationHistory migrations;
    private final OpRecordReader records = new OpRecordReader();
    private final SamePlaceHistories sameAsBefore = new SamePlaceHistories();
    private final LastShape historyShape = new LastShape();
    private HistoryFields fields;
    /** Built on first use, when every configured clone is known; see {@link #indexClones}. */
    private Map<String, Clone> clonesByChildId;

    interface OrphanFactory {
        Primitive orphan(String id, CompactElement lrmResource);

        Resource extraInstance(Clone clone);
    }

    StatusUnpacker(Cluster cluster, OrphanFactory orphans) {
        this.cluster = cluster;
        this.orphans = orphans;
        this.migrations = new MigrationHistory(cluster);
    }

    void unpackHistory(Element state, Node node) {
        if (!node.online() && !cluster.options().stonithEnabled()) {
            return;
        }
        List<CompactElement> histories = Xml.lrmResources(state);
        for (int at = 0; at < histories.size(); at++) {
            CompactElement lr = histories.get(at);
            List<OpRecord> ops = records.historyOf(lr);
            if (!historyShape.same(lr)) {
                fields = new HistoryFields(lr);
            }
            String id = sameAsBefore.id(lr, fields.id, at);
            Primitive rsc = id != null ? sameAsBefore.resource(at) : null;
            if (id == null) {
                String recordedId = lr.attribute("id");
                id = recordedId == null ? "" : recordedId;
                rsc = find(id, node);
                sameAsBefore.remember(at, id, rsc != null && !anonymousCloneMember(rsc) ? rsc : null);
            }
            if (rsc == null) {
                if (!wasActive(ops)) {
                    continue;
                }
                rsc = orphans.orphan(id, lr);
            }
            rsc.setLastHistoryName(id);
            boolean activeBefore = rsc.active().containsKey(node);
            new HistoryReplay(cluster, rsc, node, fields.agentChanged(rsc, lr)).replay(ops);
            migrations.add(rsc, node, lr, ops);
            if (!rsc.historyIds().containsKey(node) || !activeBefore && rsc.active().containsKey(node)) {
                rsc.historyIds().put(node, id);
            }
        }
    }

    /** Where a history's id and agent are among its attributes, -1 when absent. */
    private record HistoryFields(int id, int standard, int provider, int type) {

        HistoryFields(CompactElement lr) {
            this(lr.attributeIndex("id"), lr.attributeIndex("class"), lr.attributeIndex("provider"),
                    lr.attributeIndex("type"));
        }

        /** The history names another class, provider or type than the configuration (attributes it leaves out count as the same). */
        boolean agentChanged(Primitive rsc, CompactElement lr) {
            return differs(lr, standard, rsc.standard()) || differs(lr, type, rsc.type())
                    || standard >= 0 && differs(lr, provider, rsc.provider());
        }

        private static boolean differs(CompactElement lr, int recorded, String configured) {
            return recorded >= 0 && !lr.attributeEquals(recorded, configured == null ? "" : configured);
        }
    }

    private static boolean wasActive(List<OpRecord> ops) {
        if (ops.isEmpty()) {
            return false;
        }
        OpRecord last = ops.get(ops.size() - 1);
        return !("stop".equals(last.task()) && last.rc() == 0)
                && !(last.probe() && last.rc() == 7);
    }

    private Primitive find(String id, Node node) {
        Primitive direct = cluster.primitivesById().get(id);
        if (direct != null && !anonymousCloneMember(direct)) {
            return direct;
        }
        String base = Clone.withoutInstanceNumber(id);
        Clone clone = cloneOf(base);
        if (clone == null) {
            return direct;
        }
        if (clone.globallyUnique()) {
            return direct;
        }
        return anonymousInstance(clone, base, node);
    }

    private static boolean anonymousCloneMember(Primitive p) {
        return p.top() instanceof Clone c && !c.globallyUnique();
    }

    private Clone cloneOf(String childId) {
        if (clonesByChildId == null) {
            clonesByChildId = indexClones();
        }
        return clonesByChildId.get(childId);
    }

    /**
     * Each clone under the ids of its first instance's primitives without the instance number,
     * the first clone in configuration order winning. An index, not a search per history entry:
     * with clones in proportion to the resources a search made unpacking quadratic.
     */
    private Map<String, Clone> indexClones() {
        Map<String, Clone> index = new HashMap<>();
        for (Resource r : cluster.resources().values()) {
            if (r instanceof Clone c && !c.children().isEmpty()) {
                for (Primitive p : c.children().get(0).primitives()) {
                    index.putIfAbsent(Clone.withoutInstanceNumber(p.id()), c);
                }
            }
        }
        return index;
    }

    /**
     * The instance a node's history of an anonymous clone belongs to: one already active on this
     * node whose member for this history is not (a cloned group's), else the first not active
     * anywhere; a second history of the same member on one node is a new orphan instance, and so
     * is one no instance is left for (even a probe that found it stopped) and an active one on a
     * lost node that needs no fencing (see {@link #lostWithoutFencing}).
     */
    private Primitive anonymousInstance(Clone clone, String base, Node node) {
        boolean alreadyHere = false;
        Primitive chosen = null;
        Primitive free = null;
        for (Resource instance : clone.children()) {
            Primitive p = member(instance, base);
            if (p == null) {
                continue;
            }
            if (instanceActiveOn(instance, node)) {
                if (p.active().isEmpty()) {
                    chosen = p;
                    break;
                }
                alreadyHere = true;
                continue;
            }
            if (free == null && !instanceActiveAnywhere(instance) && !p.failed()) {
                free = p;
            }
        }
        if (chosen == null && !alreadyHere) {
            chosen = free;
        }
        if (chosen != null && lostWithoutFencing(clone, chosen, node)) {
            chosen = null;
        }
        // a second history of the same anonymous clone on one node is an orphan instance, and so
        // is one that was given no number, even a probe that found it stopped: the node is then
        // known to that orphan, which counts when promotion scores are matched to instances
        if (chosen == null) {
            chosen = member(orphans.extraInstance(clone), base);
        }
        return chosen;
    }

    /**
     * An instance on a lost node that can be recovered without fencing it (requires=quorum or
     * nothing) takes no instance number, unless the clone runs on every node: it may be active
     * there as far as the history knows, and its number is wanted for a start elsewhere.
     */
    private boolean lostWithoutFencing(Clone clone, Primitive instance, Node node) {
        int nodeCount = cluster.nodes().size();
        return (!node.online() || node.unclean()) && !instance.needsFencing(cluster.options().stonithEnabled())
                && clone.cloneMax(nodeCount) != nodeCount;
    }

    private static Primitive member(Resource instance, String base) {
        for (Primitive p : instance.primitives()) {
            if (Clone.withoutInstanceNumber(p.id()).equals(base)) {
                return p;
            }
        }
        return null;
    }

    private static boolean instanceActiveOn(Resource instance, Node node) {
        for (Primitive p : instance.primitives()) {
            if (p.active().containsKey(node) || p.failedOn().contains(node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean instanceActiveAnywhere(Resource instance) {
        for (Primitive p : instance.primitives()) {
            if (!p.active().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Once every node's history is read: what unfinished migrations leave behind (see {@link MigrationHistory}). */
    void resolveMigrations() {
        migrations.resolve();
    }

    /** Failcounts from node attributes, against migration-threshold and failure-timeout. */
    void applyFailcounts() {
        for (Node node : cluster.nodes().values()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Long> lastFailure = new LinkedHashMap<>();
            for (Map.Entry<String, String> a : node.attributes().entrySet()) {
                String key = a.getKey();
                if (key.startsWith("fail-count-")) {
                    String rsc = anonymousBase(rscOf(key.substring("fail-count-".length())));
                    counts.merge(rsc, Score.parse(a.getValue()), Score::add);
                } else if (key.startsWith("last-failure-")) {
                    String rsc = anonymousBase(rscOf(key.substring("last-failure-".length())));
                    lastFailure.merge(rsc, parseLong(a.getValue()), Math::max);
                }
            }
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                for (Primitive p : primitivesNamed(c.getKey())) {
                    int threshold = MetaValues.score(p.meta("migration-threshold"), Score.INFINITY);
                    long timeout = MetaValues.millis(p.meta("failure-timeout"), 0);
                    Long last = lastFailure.get(c.getKey());
                    // a resource whose failures are ignored (on-fail=ignore) ignores its migration-threshold too
                    if (p.failureIgnored() || timeout > 0 && last != null && expired(last, timeout)) {
                        continue;
                    }
                    if (threshold > 0 && c.getValue() >= threshold) {
                        p.failureBans().add(node);
                    }
                }
            }
        }
    }

    private boolean expired(long lastFailureEpochSeconds, long timeoutMs) {
        Instant now = cluster.now();
        return now != null && Instant.ofEpochSecond(lastFailureEpochSeconds).plusMillis(timeoutMs).isBefore(now);
    }

    private List<Primitive> primitivesNamed(String id) {
        List<Primitive> out = new ArrayList<>();
        Primitive direct = cluster.primitivesById().get(id);
        if (direct != null) {
            out.add(direct);
            return out;
        }
        for (Primitive p : cluster.primitivesById().values()) {
            if (Clone.withoutInstanceNumber(p.id()).equals(id) && p.top() instanceof Clone) {
                out.add(p);
            }
        }
        return out;
    }

    /** An anonymous clone's failures count for the clone on that node, whatever instance number recorded them. */
    private String anonymousBase(String id) {
        String base = Clone.withoutInstanceNumber(id);
        Clone clone = base.equals(id) ? null : cloneOf(base);
        return clone != null && !clone.globallyUnique() ? base : id;
    }

    private static String rscOf(String key) {
        int hash = key.indexOf('#');
        return hash < 0 ? key : key.substring(0, hash);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
