package org.jheartbeat.cli.clusterstatus;

import org.jheartbeat.policy.model.InstanceIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * A clone's part of the status. Instances of a unique clone, and instances of an anonymous
 * clone that are unusual (failed, unmanaged, orphaned, partly active, spread over nodes,
 * on an unclean node, with an operation in progress), are shown in full; the other active anonymous instances are summed
 * up as "Promoted: [ ... ]" and "Started: [ ... ]" (or "Unpromoted"), and, while fewer
 * instances are summed up than clone-max, the nodes where the clone does not run as
 * "Stopped: [ ... ]".
 */
final class CloneView {

    private final Clone clone;
    private final Cluster cluster;
    private final Management management;
    private final ResourceList resources;
    private boolean opened;

    CloneView(Clone clone, Cluster cluster, Management management, ResourceList resources) {
        this.clone = clone;
        this.cluster = cluster;
        this.management = management;
        this.resources = resources;
    }

    boolean print(TextList out) {
        boolean unique = clone.globallyUnique();
        List<Node> promoted = new ArrayList<>();
        List<Node> started = new ArrayList<>();
        for (Resource instance : clone.children()) {
            boolean partlyActive = partlyActive(instance);
            boolean orphan = instance.primitives().stream().anyMatch(Primitive::orphan);
            if (orphan && !partlyActive) {
                continue;
            }
            boolean inProgress = instance.primitives().stream().anyMatch(p -> !p.pendingTasks().isEmpty());
            Node location = unique || orphan || inProgress || !partlyActive ? null : summarisedOn(instance);
            if (location == null && (unique || inProgress || partlyActive)) {
                open(out);
                resources.print(instance, out);
            } else if (location != null && role(instance).compareTo(Role.UNPROMOTED) > 0) {
                promoted.add(location);
            } else if (location != null) {
                started.add(location);
            }
        }
        nodes(out, "Promoted", promoted);
        String startedName = !clone.promotable() ? "Started"
                : Management.heldUnpromoted(clone) ? "Unpromoted (target-role)" : "Unpromoted";
        nodes(out, startedName, started);
        if (!unique && clone.cloneMax(cluster.nodes().size()) > promoted.size() + started.size()) {
            for (Map.Entry<String, List<Node>> stopped : stoppedNodes().entrySet()) {
                nodes(out, stopped.getKey(), stopped.getValue());
            }
        }
        if (opened) {
            out.end();
        }
        return opened;
    }

    private void open(TextList out) {
        if (opened) {
            return;
        }
        opened = true;
        List<String> flags = new ArrayList<>();
        if (clone.promotable()) {
            flags.add("promotable");
        }
        if (clone.globallyUnique()) {
            flags.add("unique");
        }
        if (management.unmanaged(clone)) {
            flags.add("unmanaged");
        }
        if (Management.disabled(clone)) {
            flags.add("disabled");
        }
        out.begin("Clone Set: " + clone.id() + " [" + childId() + "]"
                + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")"));
    }

    private void nodes(TextList out, String name, List<Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        open(out);
        List<String> names = new ArrayList<>();
        nodes.forEach(n -> names.add(n.name()));
        names.sort(NodeNames.ORDER);
        out.item(name + ": [ " + String.join(" ", names) + " ]");
    }

    /** The configured id of what is cloned: an instance's id without its ":N". */
    private String childId() {
        if (clone.children().isEmpty()) {
            return clone.id();
        }
        return InstanceIds.withoutInstance(clone.children().get(0).id());
    }

    /**
     * The one node a plain, fully active anonymous instance runs on, or null when the
     * instance must be shown in full.
     */
    private Node summarisedOn(Resource instance) {
        Set<Node> nodes = new LinkedHashSet<>();
        for (Primitive p : instance.primitives()) {
            if (p.active().isEmpty() || p.failed() || management.unmanaged(p) || p.blocked()) {
                return null;
            }
            nodes.addAll(p.active().keySet());
        }
        if (nodes.size() != 1) {
            return null;
        }
        Node node = nodes.iterator().next();
        return !node.online() && node.unclean() ? null : node;
    }

    private static boolean partlyActive(Resource instance) {
        return instance.primitives().stream().anyMatch(p -> !p.active().isEmpty());
    }

    private static Role role(Resource instance) {
        Role best = Role.STOPPED;
        for (Primitive p : instance.primitives()) {
            if (p.currentRole().compareTo(best) > 0) {
                best = p.currentRole();
            }
        }
        return best;
    }

    /**
     * Nodes where no instance runs, by the state shown for them: "Stopped", "Stopped
     * (disabled)" when the clone's target-role is Stopped, or what a probe found there
     * ("Stopped (not installed)"); states in alphabetical order.
     */
    private Map<String, List<Node>> stoppedNodes() {
        Set<Node> running = new LinkedHashSet<>();
        for (Primitive p : clone.primitives()) {
            running.addAll(p.active().keySet());
        }
        String state = Management.disabled(clone) ? "Stopped (disabled)" : "Stopped";
        Map<String, List<Node>> byState = new TreeMap<>();
        for (Node n : cluster.nodes().values()) {
            if (!running.contains(n)) {
                byState.computeIfAbsent(probeFound(n, state), s -> new ArrayList<>()).add(n);
            }
        }
        return byState;
    }

    private String probeFound(Node node, String otherwise) {
        for (Primitive p : clone.primitives()) {
            Integer rc = p.failedProbes().get(node);
            if (rc != null) {
                return "Stopped (" + OcfResults.text(rc) + ")";
            }
        }
        return otherwise;
    }
}
