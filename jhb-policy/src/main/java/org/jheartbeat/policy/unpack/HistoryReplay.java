package org.jheartbeat.policy.unpack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.DefinitionChange;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.OpConfig;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;

/**
 * Replays one resource's operation history on one node, oldest call first, to learn its role
 * there, whether it failed and how the failure must be handled (on-fail).
 */
final class HistoryReplay {

    /** The one-time operations whose records, like probes, say what the agent runs with. */
    private static final Set<String> DEFINING_TASKS = Set.of("start", "promote", "migrate_from");

    enum OnFail { IGNORE, RESTART, BLOCK, STOP, STANDBY, FENCE, DEMOTE }

    private final Cluster cluster;
    private final Primitive rsc;
    private final Node node;
    private Role role = Role.UNKNOWN;
    private boolean failed;
    private boolean pending;
    private String pendingTask;
    private OnFail onFail = OnFail.IGNORE;
    private int hardBan;
    /** The task and interval of the latest failed operation. */
    private String lastFailureKey;
    private boolean startFailed;
    /** The latest operation that recorded the parameters it ran with (op-digest) since the last stop. */
    private OpRecord definitionOp;
    private final boolean agentChanged;
    /** Null until one is recorded: most histories (probes) have none. */
    private Map<String, String> recurring;

    /** agentChanged: the history was written by another agent than the configured one. */
    HistoryReplay(Cluster cluster, Primitive rsc, Node node, boolean agentChanged) {
        this.cluster = cluster;
        this.rsc = rsc;
        this.node = node;
        this.agentChanged = agentChanged;
    }

    void replay(List<OpRecord> ops) {
        if (ops.isEmpty()) {
            role = Role.STARTED;
        }
        for (OpRecord op : ops) {
            apply(op);
        }
        finish();
    }

    /**
     * Which recurring operations run now: each recorded one runs until it is cancelled or the
     * resource is started, stopped, promoted or demoted again (which cancels its monitors).
     */
    private void trackRecurring(OpRecord op) {
        if (op.intervalMs() > 0) {
            String key = op.task() + "_" + op.intervalMs();
            if (op.opStatus() == OpRecord.CANCELLED) {
                if (recurring != null) {
                    recurring.remove(key);
                }
            } else {
                if (recurring == null) {
                    recurring = new LinkedHashMap<>(4); // one or two monitors, not the default 16
                }
                String digest = op.digest();
                recurring.put(key, digest == null ? "" : digest);
            }
            return;
        }
        switch (op.task()) {
            case "start", "stop", "promote", "demote", "migrate_from", "migrate_to" -> recurring = null;
            default -> { }
        }
    }

    /** A failure older than failure-timeout no longer counts (Pacemaker clears it). */
    private boolean expired(OpRecord op) {
        long timeout = MetaValues.millis(rsc.meta("failure-timeout"), 0);
        if (timeout <= 0 || cluster.now() == null || op.lastRcChange() <= 0) {
            return false;
        }
        return java.time.Instant.ofEpochSecond(op.lastRcChange()).plusMillis(timeout).isBefore(cluster.now());
    }

    private void apply(OpRecord op) {
        trackRecurring(op);
        if (op.opStatus() == OpRecord.CANCELLED) {
            return;
        }
        if (op.opStatus() == OpRecord.PENDING) {
            if ("start".equals(op.task())) {
                noteDefinition(op);
            }
            pendingOp(op);
            return;
        }
        int rc = op.rc() == 190 ? 0 : op.rc() == 191 ? 8 : op.rc();
        boolean ok = rc == op.expectedRc()
                || (op.probe() && (rc == 7 || rc == 0 || rc == 8))
                || ("stop".equals(op.task()) && rc == 7)
                || (rc == 7 && op.expectedRc() == 0 && op.probe())
                // the cluster does not recover what it does not manage: "not running" only says stopped
                || (rc == 7 && (!rsc.managed() || cluster.options().maintenanceMode()));
        // Old CIBs record any rc other than 0 as an execution error; the rc decides.
        boolean executed = op.opStatus() == OpRecord.DONE || op.opStatus() == 4;
        if (ok && executed) {
            success(op, rc);
        } else if (!expired(op)) {
            failure(op, executed ? rc : rcForStatus(op.opStatus()));
        }
    }

    /** Execution statuses that say more than "failed": hard (ban the node) and fatal (ban everywhere). */
    private static int rcForStatus(int status) {
        return switch (status) {
            case 5, OpRecord.NOT_INSTALLED -> 5;
            case 6 -> 6;
            default -> 1;
        };
    }

    private void pendingOp(OpRecord op) {
        // a probe or notification in flight is not what the resource is doing (Pacemaker shows neither)
        pendingTask = op.probe() || "notify".equals(op.task()) ? null : op.task();
        switch (op.task()) {
            case "start", "migrate_from" -> {
                role = Role.STARTED;
                pending = true;
            }
            case "promote" -> {
                role = Role.PROMOTED;
                pending = true;
            }
            case "stop", "demote", "migrate_to" -> pending = true;
            default -> {
                if (!op.probe() && role.compareTo(Role.STARTED) < 0) {
                    role = Role.STARTED;
                }
            }
        }
    }

    /** Starts, promotions, migrations in and probes say what the agent runs with; notifications and demotions do not count. */
    private void noteDefinition(OpRecord op) {
        boolean defining = op.probe() || op.intervalMs() == 0 && DEFINING_TASKS.contains(op.task());
        if (defining && op.hasDigest()) {
            definitionOp = op;
        }
    }

    private void success(OpRecord op, int rc) {
        if ("stop".equals(op.task())) {
            definitionOp = null;
        } else {
            noteDefinition(op);
        }
        boolean clearPast = false;
        // "not running" as the expected answer says stopped, whatever the operation was
        String task = rc == 7 && op.intervalMs() == 0 && !op.probe() ? "stop" : op.task();
        switch (task) {
            case "start", "migrate_from" -> {
                role = Role.STARTED;
                clearPast = true;
            }
            case "stop" -> {
                role = Role.STOPPED;
                clearPast = true;
            }
            case "promote" -> {
                role = Role.PROMOTED;
                clearPast = true;
            }
            // a demotion does not clear a past failure: the resource still needs recovering
            case "demote" -> role = Role.UNPROMOTED;
            case "migrate_to" -> role = Role.STARTED;
            default -> {
                if (rc == 7) {
                    role = Role.STOPPED;
                } else if (rc == 8) {
                    role = Role.PROMOTED;
                } else if (role.compareTo(Role.STARTED) < 0) {
                    role = Role.STARTED;
                }
            }
        }
        // not running, or the very operation that failed succeeding again (a recurring monitor
        // that sees the resource recovered), also puts a past failure behind
        clearPast |= rc == 7 || lastFailureKey != null && lastFailureKey.equals(key(op));
        if (clearPast && (onFail == OnFail.RESTART || onFail == OnFail.IGNORE || onFail == OnFail.BLOCK
                || onFail == OnFail.DEMOTE)) {
            failed = false;
            onFail = OnFail.IGNORE;
        }
    }

    private static String key(OpRecord op) {
        return op.task() + "_" + op.intervalMs();
    }

    private void failure(OpRecord op, int rc) {
        lastFailureKey = key(op);
        OnFail handling = onFailFor(op);
        // an agent missing on the node cannot be ignored: the resource has to run elsewhere
        if (handling == OnFail.IGNORE && op.opStatus() != OpRecord.NOT_INSTALLED) {
            rsc.setFailureIgnored(true);
            success(op, op.expectedRc());
            return;
        }
        if (rc == 6) {
            hardBan = 2;
        } else if (rc == 2 || rc == 4 || rc == 5) {
            hardBan = Math.max(hardBan, 1);
        }
        // a stop that failed for good (the agent cannot work there) where the node cannot be
        // fenced either: nothing more can be done for the resource
        if ("stop".equals(op.task()) && (rc >= 2 && rc <= 5) && !cluster.canFence(node)) {
            rsc.setBlocked(true);
        }
        if (rc == 5 && op.probe()) {
            rsc.failedProbes().put(node, rc);
            role = Role.STOPPED;
            return;
        }
        // a failed promoted-role monitor with on-fail=demote only takes the promotion away
        if (handling == OnFail.DEMOTE && role == Role.PROMOTED && op.intervalMs() > 0) {
            rsc.demoteOnFailure().add(node);
            return;
        }
        switch (op.task()) {
            case "promote" -> role = Role.PROMOTED;
            case "demote" -> role = handling == OnFail.BLOCK ? Role.PROMOTED : Role.UNPROMOTED;
            default -> {
                if (rc == 8 || rc == 9) {
                    role = Role.PROMOTED;
                } else if (role.compareTo(Role.STARTED) < 0) {
                    role = Role.STARTED;
                }
            }
        }
        failed = true;
        if (handling.ordinal() > onFail.ordinal()) {
            onFail = handling;
        }
        if ("start".equals(op.task()) && cluster.options().startFailureIsFatal()) {
            startFailed = true;
        }
    }

    private OnFail onFailFor(OpRecord op) {
        String configured = null;
        for (OpConfig c : rsc.ops()) {
            if (c.name().equals(op.task()) && c.intervalMs() == op.intervalMs() && c.onFail() != null) {
                configured = c.onFail();
                break;
            }
        }
        if (configured != null) {
            return switch (configured) {
                case "ignore" -> OnFail.IGNORE;
                case "block" -> OnFail.BLOCK;
                case "stop" -> OnFail.STOP;
                case "standby" -> OnFail.STANDBY;
                case "fence" -> cluster.options().stonithEnabled() ? OnFail.FENCE : OnFail.STOP;
                case "demote" -> OnFail.DEMOTE;
                default -> OnFail.RESTART;
            };
        }
        if ("stop".equals(op.task())) {
            return cluster.options().stonithEnabled() ? OnFail.FENCE : OnFail.BLOCK;
        }
        return OnFail.RESTART;
    }

    private void finish() {
        if (recurring != null && !recurring.isEmpty()) {
            rsc.recurringOps().put(node, recurring);
        }
        DefinitionChange change = role.isActive() ? definitionChange() : null;
        if (change != null) {
            rsc.definitionChanges().put(node, change);
        }
        if (role == Role.STARTED && rsc.top() instanceof Clone c && c.promotable()) {
            role = Role.UNPROMOTED;
        }
        if (role.isActive()) {
            rsc.active().put(node, role);
            if (failed && onFail == OnFail.RESTART) {
                rsc.recoveryOn().add(node);
            }
            // Active on a node in maintenance: unmanaged from here on, as Pacemaker reads the
            // status node by node (a node read later where it is thought active is not fenced for it).
            if (node.maintenance()) {
                rsc.meta().put("is-managed", "false");
            }
            // what Pacemaker pins it to, should it be active on several nodes
            if (!rsc.managed()) {
                rsc.foundActiveUnmanaged().add(node);
            }
            // Active where the node is down: only fencing makes sure it is not (maintenance leaves it be).
            if (!node.online() && !node.maintenance() && rsc.managed() && !cluster.options().maintenanceMode()) {
                node.markUnclean(rsc.id() + " is thought to be active there");
            }
        }
        if (pending) {
            rsc.pendingOn().add(node);
        }
        if (pendingTask != null) {
            rsc.pendingTasks().put(node, pendingTask);
        }
        if (hardBan > 0) {
            banHere(hardBan == 2);
        }
        if (!failed) {
            return;
        }
        // A failure on a node being fenced needs no recovery of its own: the fencing is it.
        if ((role.isActive() || startFailed) && !node.unclean()) {
            rsc.failedOn().add(node);
        }
        switch (onFail) {
            case BLOCK -> {
                // Fencing the node stops everything on it, so a blocked stop there is no longer blocking.
                if (!(node.unclean() && cluster.options().stonithEnabled())) {
                    rsc.setBlocked(true);
                }
            }
            case STOP -> rsc.setStopOnly(true);
            case STANDBY -> node.setStandbyOnFail(true);
            case FENCE -> {
                // Only the failure that decides the fencing makes it a recovery; on a node already lost it just moves.
                if (!node.unclean()) {
                    rsc.fencingFailures().add(node);
                }
                node.markUnclean(rsc.id() + " failed there");
            }
            default -> { }
        }
    }

    /**
     * What the recorded definition asks for: another agent, or parameters whose digests differ.
     * A recorded restart digest says the agent can reload: if it still matches, only reloadable
     * parameters changed; a failed resource is recovered rather than reloaded.
     */
    private DefinitionChange definitionChange() {
        if (rsc.orphan()) {
            return null;
        }
        if (agentChanged) {
            return DefinitionChange.AGENT;
        }
        if (definitionOp == null) {
            return null;
        }
        String restartDigest = definitionOp.element().attribute("op-restart-digest");
        String forceRestart = definitionOp.element().attribute("op-force-restart");
        if (restartDigest != null
                && !restartDigest.equals(ParameterDigest.restart(rsc, definitionOp.task(), 0, forceRestart))) {
            return DefinitionChange.RESTART;
        }
        if (ParameterDigest.matchesDefinition(rsc, definitionOp)) {
            return null;
        }
        if (restartDigest == null) {
            return DefinitionChange.RESTART;
        }
        if ("start".equals(pendingTask)) {
            return DefinitionChange.RESTART_PENDING_START;
        }
        return failed ? null : DefinitionChange.RELOAD;
    }

    /**
     * A hard error keeps the resource off the node (or every node); an anonymous clone's keeps
     * the whole clone off, whichever instance the history was given to.
     */
    private void banHere(boolean everywhere) {
        List<Primitive> banned = rsc.top() instanceof Clone c && !c.globallyUnique() ? c.primitives() : List.of(rsc);
        for (Primitive p : banned) {
            if (everywhere) {
                p.failureBans().addAll(cluster.nodes().values());
            } else {
                p.failureBans().add(node);
            }
        }
    }
}
