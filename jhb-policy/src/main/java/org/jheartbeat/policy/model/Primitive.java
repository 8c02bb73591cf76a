package org.jheartbeat.policy.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A primitive resource: one agent instance, with what the status section says about it. */
public final class Primitive extends Resource {

    private final String standard;
    private final String provider;
    private final String type;
    private final Map<String, String> params;
    private final List<OpConfig> ops;
    private final Map<Node, Role> active = new LinkedHashMap<>();
    private final Set<Node> failedOn = new LinkedHashSet<>();
    private final Set<Node> pendingOn = new LinkedHashSet<>();
    private final Set<Node> failureBans = new LinkedHashSet<>();
    private final Set<Node> recoveryOn = new LinkedHashSet<>();
    private final Set<Node> demoteOnFailure = new LinkedHashSet<>();
    private final Map<Node, DefinitionChange> definitionChanges = new LinkedHashMap<>();
    private final Set<Node> fencingFailures = new LinkedHashSet<>();
    private final Set<Node> unsureOn = new LinkedHashSet<>();
    private final Set<Node> danglingMigrations = new LinkedHashSet<>();
    private final Set<Node> foundActiveUnmanaged = new LinkedHashSet<>();
    private Node partialMigrationSource;
    private Node partialMigrationTarget;
    private boolean migratedBlindly;
    private boolean fencingRequired = true;
    private final Map<Node, String> historyIds = new LinkedHashMap<>();
    private String lastHistoryName;
    private final Map<Node, String> pendingTasks = new LinkedHashMap<>();
    private final Map<Node, Integer> failedProbes = new LinkedHashMap<>();
    private final Map<Node, Map<String, String>> recurringOps = new LinkedHashMap<>();
    private boolean failureIgnored;
    private Node lockedTo;
    private boolean orphan;
    private boolean blocked;
    private boolean stopOnly;
    private Node assignedNode;
    private int assignedScore;
    /** Whether its assigned node counts it (see {@link #leaveUncounted}). */
    private boolean countedOnNode;
    private Role nextRole = Role.STOPPED;
    private final Map<String, Integer> utilization = new LinkedHashMap<>();

    public Primitive(String id, Map<String, String> meta, String standard, String provider, String type,
                     Map<String, String> params, List<OpConfig> ops) {
        super(id, meta);
        this.standard = standard;
        this.provider = provider;
        this.type = type;
        this.params = params;
        this.ops = ops;
    }

    public String standard() {
        return standard;
    }

    public String provider() {
        return provider;
    }

    public String type() {
        return type;
    }

    /** "ocf:heartbeat:IPaddr2" or "stonith:fence_xvm". */
    public String agent() {
        return standard + ":" + (provider == null || provider.isEmpty() ? "" : provider + ":") + type;
    }

    public Map<String, String> params() {
        return params;
    }

    public List<OpConfig> ops() {
        return ops;
    }

    @Override
    public List<? extends Resource> children() {
        return List.of();
    }

    @Override
    public List<Primitive> primitives() {
        return List.of(this);
    }

    /** Nodes where it is active now, with its role there, in the order the status names them. */
    public Map<Node, Role> active() {
        return active;
    }

    public Role currentRole() {
        Role best = Role.STOPPED;
        for (Role r : active.values()) {
            if (r.compareTo(best) > 0) {
                best = r;
            }
        }
        return best;
    }

    /**
     * The node it is said to run on: the first in status order, except that a resource whose
     * recovery does not wait for fencing counts as running on a healthy (online, clean) node
     * first, so a copy on a node being fenced does not make it look away from where it runs.
     */
    public Node currentNode() {
        Node first = null;
        for (Node n : active.keySet()) {
            if (!fencingRequired && n.online() && !n.unclean()) {
                return n;
            }
            if (first == null) {
                first = n;
            }
        }
        return first;
    }

    /** Set once the cluster options are known: see {@link #needsFencing(boolean)}. */
    public void setFencingRequired(boolean fencingRequired) {
        this.fencingRequired = fencingRequired;
    }

    public Set<Node> failedOn() {
        return failedOn;
    }

    public boolean failed() {
        return !failedOn.isEmpty();
    }

    /**
     * Nodes where the status showed it active once it was unmanaged (configured so, or found
     * active on a node in maintenance before): Pacemaker pins it to each of them.
     */
    public Set<Node> foundActiveUnmanaged() {
        return foundActiveUnmanaged;
    }

    /** Nodes where it is active and failed in a way that calls for its recovery (on-fail=restart). */
    public Set<Node> recoveryOn() {
        return recoveryOn;
    }

    /**
     * Whether Pacemaker plans its recovery, a stop everywhere it is active and a start again:
     * it failed and is to be restarted, or it is active on more than one node
     * (multiple-active=stop_start). Pacemaker plans it for an unmanaged resource too, whose
     * stops then cannot run and whose start is optional unless nothing asks for it again.
     */
    public boolean recoveryPlanned() {
        String multipleActive = meta("multiple-active");
        return !recoveryOn.isEmpty()
                || active.size() > 1 && (multipleActive == null || "stop_start".equals(multipleActive));
    }

    /** Nodes it may not run on because of its failures there (failcount, fatal start, hard errors). */
    public Set<Node> failureBans() {
        return failureBans;
    }

    /** The node a shutdown lock keeps it for (it may run nowhere else), or null. */
    public Node lockedTo() {
        return lockedTo;
    }

    public void lockTo(Node node) {
        this.lockedTo = node;
    }

    /** Nodes where its promoted role failed with on-fail=demote: demoted there, not recovered. */
    public Set<Node> demoteOnFailure() {
        return demoteOnFailure;
    }

    /** Nodes to be fenced because it failed there with on-fail=fence (there it is recovered, not just moved). */
    public Set<Node> fencingFailures() {
        return fencingFailures;
    }

    /** Nodes where it runs with another agent or other parameters than the configured ones, and what that asks for. */
    public Map<Node, DefinitionChange> definitionChanges() {
        return definitionChanges;
    }

    /** Nodes where a failed migration leaves its state unsure: stopped there even where it is to stay. */
    public Set<Node> unsureOn() {
        return unsureOn;
    }

    /** Sources of migrations that completed without the source's stop: it no longer runs there, but the stop is owed. */
    public Set<Node> danglingMigrations() {
        return danglingMigrations;
    }

    /** A migration half done (migrate_to without migrate_from, both nodes up): it may go on to the target. */
    public void setPartialMigration(Node source, Node target) {
        this.partialMigrationSource = source;
        this.partialMigrationTarget = target;
    }

    public Node partialMigrationSource() {
        return partialMigrationSource;
    }

    public Node partialMigrationTarget() {
        return partialMigrationTarget;
    }

    /** Known to run where it is only from a migration towards that node that never finished: moved from there, not migrated. */
    public boolean migratedBlindly() {
        return migratedBlindly;
    }

    public void setMigratedBlindly(boolean migratedBlindly) {
        this.migratedBlindly = migratedBlindly;
    }

    public Set<Node> pendingOn() {
        return pendingOn;
    }

    /**
     * The name each node keeps this resource's history under (its lrm_resource id): for an
     * anonymous clone instance the configured id, or whichever instance id the node used.
     */
    public Map<Node, String> historyIds() {
        return historyIds;
    }

    /** The lrm_resource id of the last history read for it, on any node (Pacemaker's clone_name); null if none. */
    public String lastHistoryName() {
        return lastHistoryName;
    }

    public void setLastHistoryName(String name) {
        this.lastHistoryName = name;
    }

    /** The operation still in progress on a node (start, stop, monitor, ...), probes left out. */
    public Map<Node, String> pendingTasks() {
        return pendingTasks;
    }

    /** Probes that found it unusable on a node (OCF 5, not installed), where it is therefore stopped. */
    public Map<Node, Integer> failedProbes() {
        return failedProbes;
    }

    /**
     * The recurring operations each node runs for it since its last start or role change, by
     * "task_interval" (monitor_10000), with the parameter digest recorded for each.
     */
    public Map<Node, Map<String, String>> recurringOps() {
        return recurringOps;
    }

    /** A failure of an operation with on-fail=ignore was overlooked. */
    public boolean failureIgnored() {
        return failureIgnored;
    }

    public void setFailureIgnored(boolean failureIgnored) {
        this.failureIgnored = failureIgnored;
    }

    public boolean orphan() {
        return orphan;
    }

    public void setOrphan(boolean orphan) {
        this.orphan = orphan;
    }

    public boolean blocked() {
        return blocked;
    }

    public void setBlocked(boolean blocked) {
        this.blocked = blocked;
    }

    /** on-fail=stop: once failed, stopped and not started again until cleaned up. */
    public boolean stopOnly() {
        return stopOnly;
    }

    public void setStopOnly(boolean stopOnly) {
        this.stopOnly = stopOnly;
    }

    public Node assignedNode() {
        return assignedNode;
    }

    public Role nextRole() {
        return nextRole;
    }

    /**
     * Its score on the node it was placed on, as it stood when it was placed (Pacemaker keeps it
     * with the assigned node, and a mandatory colocation with the role of a promotable clone's
     * instance adds it to the dependent's score there); 0 when it was not chosen by score.
     */
    public int assignedScore() {
        return assignedScore;
    }

    public void setAssignedScore(int assignedScore) {
        this.assignedScore = assignedScore;
    }

    public void assign(Node node, Role role) {
        place(node, role, true);
    }

    /**
     * Leaves it on the node it runs on without assigning it there, so the node does not count
     * it (resources placed, capacity): Pacemaker never assigns an unmanaged clone instance whose
     * turn comes once clone-max instances are placed, yet it stays where it is.
     */
    public void leaveUncounted(Node node, Role role) {
        place(node, role, false);
    }

    private void place(Node node, Role role, boolean count) {
        if (assignedNode != null && countedOnNode) {
            assignedNode.countAssigned(-1);
            assignedNode.use(utilization, -1);
        }
        this.assignedNode = node;
        this.assignedScore = 0;
        this.nextRole = node == null ? Role.STOPPED : role;
        this.countedOnNode = count && node != null;
        if (countedOnNode) {
            node.countAssigned(1);
            node.use(utilization, 1);
        }
    }

    /** What it takes of a node's capacity (placement-strategy other than default). */
    public Map<String, Integer> utilization() {
        return utilization;
    }

    public void setNextRole(Role role) {
        this.nextRole = role;
    }

    /**
     * Whether recovering it from a lost node needs that node fenced first (meta requires, whose
     * default is fencing where fencing is on, except for fencing devices themselves).
     */
    public boolean needsFencing(boolean stonithEnabled) {
        String requires = meta("requires");
        if (requires == null) {
            return stonithEnabled && !"stonith".equals(standard);
        }
        return "fencing".equals(requires) || "unfencing".equals(requires);
    }

    public boolean migratable() {
        return MetaValues.bool(meta("allow-migrate"), false);
    }
}
