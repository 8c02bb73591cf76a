package org.jheartbeat.cli.crmmon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;
import org.jheartbeat.policy.unpack.CibUnpacker;

/**
 * What crm_mon shows, read once from a CIB: the cluster as the scheduler unpacks it (nodes and
 * their states, where each resource runs and in which role, failures), the operation history,
 * and the failcounts kept as node attributes.
 */
final class MonitorView {

    /** A resource's failures on a node, summed over its operations as Pacemaker does. */
    record Failures(int count, long last) {
    }

    private final Cluster cluster;
    private final List<OperationHistory> history;

    MonitorView(CibDocument cib, Instant now) {
        this.cluster = CibUnpacker.unpack(cib, now);
        this.history = OperationHistory.of(cib);
    }

    Cluster cluster() {
        return cluster;
    }

    Node dc() {
        for (Node node : cluster.nodes().values()) {
            if (node.id().equals(cluster.dcUuid())) {
                return node;
            }
        }
        return null;
    }

    /** Top-level resources of the configuration (a group or clone counts once). */
    long configuredResources() {
        return cluster.resources().values().stream().filter(r -> !(r instanceof Primitive p && p.orphan())).count();
    }

    /** Primitive instances of the configuration, as Pacemaker counts "resource instances". */
    long configuredInstances() {
        return cluster.primitives().stream().filter(p -> !p.orphan()).count();
    }

    long disabledInstances() {
        return cluster.primitives().stream().filter(p -> !p.orphan() && p.targetRole() == Role.STOPPED).count();
    }

    long blockedInstances() {
        return cluster.primitives().stream().filter(p -> !p.orphan() && p.blocked()).count();
    }

    List<Node> sortedNodes() {
        List<Node> nodes = new ArrayList<>(cluster.nodes().values());
        nodes.sort((a, b) -> a.name().compareTo(b.name()));
        return nodes;
    }

    List<Primitive> activeOn(Node node) {
        List<Primitive> active = new ArrayList<>();
        for (Primitive p : cluster.primitives()) {
            if (p.active().containsKey(node)) {
                active.add(p);
            }
        }
        return active;
    }

    List<OperationHistory> history() {
        return history;
    }

    List<OperationHistory> failures() {
        return history.stream().filter(OperationHistory::failed).toList();
    }

    String migrationThreshold(String resource) {
        Primitive p = cluster.primitivesById().get(resource);
        Resource r = p != null ? p : cluster.resources().get(resource);
        String value = r == null ? null : r.meta("migration-threshold");
        return value == null ? Integer.toString(Score.INFINITY) : value;
    }

    Map<String, Failures> failcounts(Node node) {
        Map<String, Failures> failures = new TreeMap<>();
        node.attributes().forEach((name, value) -> {
            if (name.startsWith("fail-count-")) {
                String rsc = resourceOf(name.substring("fail-count-".length()));
                Failures before = failures.getOrDefault(rsc, new Failures(0, 0));
                failures.put(rsc, new Failures(Score.add(before.count(), Score.parse(value)), before.last()));
            }
        });
        node.attributes().forEach((name, value) -> {
            String rsc = name.startsWith("last-failure-") ? resourceOf(name.substring("last-failure-".length())) : null;
            Failures before = rsc == null ? null : failures.get(rsc);
            if (before != null) {
                failures.put(rsc, new Failures(before.count(), Math.max(before.last(), parseLong(value))));
            }
        });
        return failures;
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String resourceOf(String suffix) {
        int hash = suffix.indexOf('#');
        return hash < 0 ? suffix : suffix.substring(0, hash);
    }
}
