package org.jheartbeat.policy.unpack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;

/**
 * What live migrations that did not run their course (migrate_to on the source, migrate_from
 * on the target, then a stop on the source) leave behind. Each node's history alone reads them
 * as plain starts and stops; this looks at both ends once every node's history is read:
 * <ul>
 *   <li>both halves done but no stop on the source yet: it no longer runs there, but a stop is
 *       still owed there;</li>
 *   <li>migrate_to done, migrate_from not (yet): it may run on the target as well, unless the
 *       target has recorded something since; with both up the migration may go on, with the
 *       target down it has failed;</li>
 *   <li>migrate_to failed: it may also run on the target, unless the target has recorded
 *       something since, and must be stopped there before it may stay;</li>
 *   <li>migrate_from failed: it may still run on the source, and has failed there.</li>
 * </ul>
 */
final class MigrationHistory {

    private final Cluster cluster;
    /**
     * Every history read, in order, and the resources with a migration in any of theirs: only
     * those are looked at, so a status of 100,000 histories without one costs a list, not a
     * map per resource. A history is kept as its element and its records read again for the
     * few that are looked at: holding the records of all 100,000 until the end of unpacking
     * made them live long enough to be copied into the old generation.
     */
    private final List<History> read = new ArrayList<>();
    private final Set<Primitive> migrated = new HashSet<>();
    private final OpRecordReader records = new OpRecordReader();

    private record History(Primitive rsc, Node node, CompactElement lrmResource) {
    }

    MigrationHistory(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Remembers one node's history of a resource: its element, and its records sorted by call. */
    void add(Primitive rsc, Node node, CompactElement lrmResource, List<OpRecord> ops) {
        read.add(new History(rsc, node, lrmResource));
        for (OpRecord op : ops) {
            if (op.task().equals("migrate_to") || op.task().equals("migrate_from")) {
                migrated.add(rsc);
                break;
            }
        }
    }

    void resolve() {
        Map<Primitive, Map<Node, List<OpRecord>>> histories = new LinkedHashMap<>();
        for (History h : read) {
            if (migrated.contains(h.rsc())) {
                histories.computeIfAbsent(h.rsc(), k -> new LinkedHashMap<>())
                        .put(h.node(), records.historyOf(h.lrmResource()));
            }
        }
        histories.forEach((rsc, byNode) -> {
            Map<Node, List<OpRecord>> copy = new LinkedHashMap<>(byNode);
            copy.forEach((node, ops) -> {
                OpRecord migrateTo = last(ops, "migrate_to");
                if (migrateTo != null && migrateTo.opStatus() != OpRecord.PENDING) {
                    migrateToSeen(rsc, node, migrateTo, byNode);
                }
                OpRecord migrateFrom = last(ops, "migrate_from");
                if (migrateFrom != null && migrateFrom.opStatus() != OpRecord.PENDING && !succeeded(migrateFrom)) {
                    migrateFromFailed(rsc, migrateFrom, byNode);
                }
            });
        });
    }

    private void migrateToSeen(Primitive rsc, Node source, OpRecord migrateTo, Map<Node, List<OpRecord>> byNode) {
        Node target = cluster.node(migrateTo.migrateTarget());
        if (target == null) {
            return;
        }
        List<OpRecord> targetOps = byNode.get(target);
        boolean sourceMovedOn = actedAfter(byNode.get(source), migrateTo);
        if (!succeeded(migrateTo)) {
            if (targetOps != null && !targetMovedOn(targetOps, migrateTo, null) && target.online()) {
                activeFirst(rsc, target);
                rsc.unsureOn().add(target);
            }
            return;
        }
        OpRecord migrateFrom = targetOps == null ? null : last(targetOps, "migrate_from", source);
        if (migrateFrom != null && (sourceMovedOn || migrateFrom.opStatus() != OpRecord.PENDING)) {
            if (!sourceMovedOn && succeeded(migrateFrom)) {
                rsc.active().remove(source);
                rsc.danglingMigrations().add(source);
            } else if (!sourceMovedOn && rsc.active().containsKey(target)) {
                // The source's history names the target before the source itself.
                activeFirst(rsc, target);
            }
            return;
        }
        if (targetOps != null && targetMovedOn(targetOps, migrateTo, migrateFrom)) {
            return;
        }
        if (target.online()) {
            if (!rsc.active().containsKey(target)) {
                rsc.active().put(target, Role.STARTED);
            }
            if (source.online() && !sourceMovedOn) {
                rsc.setPartialMigration(source, target);
            } else {
                rsc.setMigratedBlindly(true);
            }
        } else if (!sourceMovedOn) {
            rsc.failedOn().add(source);
        }
    }

    private void migrateFromFailed(Primitive rsc, OpRecord migrateFrom, Map<Node, List<OpRecord>> byNode) {
        Node source = cluster.node(migrateFrom.migrateSource());
        List<OpRecord> sourceOps = source == null ? null : byNode.get(source);
        if (sourceOps == null || !source.online()) {
            return;
        }
        OpRecord migrateTo = last(sourceOps, "migrate_to");
        if (migrateTo != null && actedAfter(sourceOps, migrateTo)) {
            return;
        }
        if (!rsc.active().containsKey(source)) {
            rsc.active().put(source, Role.STARTED);
        }
        rsc.failedOn().add(source);
    }

    /** Puts node first among the active nodes: it counts as where the resource is. */
    private static void activeFirst(Primitive rsc, Node node) {
        Map<Node, Role> rest = new LinkedHashMap<>(rsc.active());
        rest.remove(node);
        rsc.active().clear();
        rsc.active().put(node, Role.STARTED);
        rsc.active().putAll(rest);
    }

    /** Something other than a monitor ran on the node after op. */
    private static boolean actedAfter(List<OpRecord> ops, OpRecord op) {
        for (OpRecord o : ops) {
            if (o.callId() > op.callId() && !"monitor".equals(o.task())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The target recorded something after the migration: after its own migrate_from (same node,
     * by call) or else after the source's migrate_to (by time, when both have one).
     */
    private static boolean targetMovedOn(List<OpRecord> targetOps, OpRecord migrateTo, OpRecord migrateFrom) {
        OpRecord latest = null;
        for (OpRecord o : targetOps) {
            if (o.opStatus() != OpRecord.PENDING && (latest == null || o.callId() > latest.callId())) {
                latest = o;
            }
        }
        if (latest == null || latest == migrateFrom) {
            return false;
        }
        if (migrateFrom != null) {
            return latest.callId() > migrateFrom.callId();
        }
        return latest.lastRcChange() > 0 && migrateTo.lastRcChange() > 0 && latest.lastRcChange() > migrateTo.lastRcChange();
    }

    private static boolean succeeded(OpRecord op) {
        return op.opStatus() == OpRecord.DONE && op.rc() == op.expectedRc();
    }

    private static OpRecord last(List<OpRecord> ops, String task) {
        return last(ops, task, null);
    }

    private static OpRecord last(List<OpRecord> ops, String task, Node source) {
        OpRecord found = null;
        for (OpRecord o : ops) {
            if (task.equals(o.task()) && (source == null || source.name().equals(o.migrateSource()))) {
                found = o;
            }
        }
        return found;
    }
}
