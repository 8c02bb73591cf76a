package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * One step of a transition: a resource operation on a node, a pseudo action that only orders
 * others (a group's "running", a stop implied by fencing), or a node fence.
 */
public final class Action {

    private final int id;
    private final Resource resource;
    private final String task;
    private final Node node;
    private final long intervalMs;
    private boolean pseudo;
    private boolean runnable = true;
    private boolean leftOut;
    private boolean optional;
    private String reason;
    private final List<Action> after = new ArrayList<>();
    private final Set<Action> awaitedThoughBlocked = new HashSet<>();

    Action(int id, Resource resource, String task, Node node, long intervalMs, boolean pseudo) {
        this.id = id;
        this.resource = resource;
        this.task = task;
        this.node = node;
        this.intervalMs = intervalMs;
        this.pseudo = pseudo;
    }

    public int id() {
        return id;
    }

    public Resource resource() {
        return resource;
    }

    public Primitive primitive() {
        return resource instanceof Primitive p ? p : null;
    }

    public String task() {
        return task;
    }

    public Node node() {
        return node;
    }

    public long intervalMs() {
        return intervalMs;
    }

    public boolean pseudo() {
        return pseudo;
    }

    /** The start of a live-migrated resource is only a marker: its migrate_from does the work. */
    public void markPseudo() {
        pseudo = true;
    }

    public boolean runnable() {
        return runnable;
    }

    /**
     * Whether the controller is given this action: it can run and is not left out. What waits
     * for an action left out waits all the same ({@link #graphInputs()}).
     */
    public boolean inGraph() {
        return runnable && !leftOut;
    }

    /**
     * Leaves a runnable action out of the graph: Pacemaker plans actions of a resource that is
     * unmanaged (a recovery on a node in maintenance), keeps them as inputs of what is ordered
     * after them, and gives the controller neither.
     */
    public void leaveOutOfGraph() {
        leftOut = true;
    }

    /**
     * Whether nothing requires this action, as Pacemaker keeps a start (and the promotion after
     * it) that could not run from the moment it was made: only a required action is kept as an
     * input that cannot run ({@link #waitFor}).
     */
    public boolean optional() {
        return optional;
    }

    public void markOptional() {
        optional = true;
    }

    public void blockBecause(String why) {
        if (runnable) {
            runnable = false;
            if (reason == null) {
                reason = why;
            }
        }
    }

    public String reason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** Actions that must finish before this one. */
    public List<Action> after() {
        return after;
    }

    /** Orders this action after another, once: the graph has a single edge per pair. */
    public void runAfter(Action first) {
        if (first != this && !after.contains(first)) {
            after.add(first);
        }
    }

    /**
     * Orders this action after another and keeps that input in the graph even when the other
     * cannot run: Pacemaker keeps a blocked input whose ordering could change the actions (a
     * serialize order), and the controller then never fires this action.
     */
    public void waitFor(Action first) {
        runAfter(first);
        if (first != this) {
            awaitedThoughBlocked.add(first);
        }
    }

    /**
     * The inputs the graph lists for this action: those that can run (in the graph or left out
     * of it), and the blocked ones it waits for all the same ({@link #waitFor}) that something
     * requires. An input not in the graph never completes, so neither does this action.
     */
    public List<Action> graphInputs() {
        List<Action> inputs = new ArrayList<>();
        for (Action before : after) {
            if (before.runnable() || awaitedThoughBlocked.contains(before) && !before.optional()) {
                inputs.add(before);
            }
        }
        return inputs;
    }

    /**
     * Pacemaker's key for the action: rsc_task_interval; a cancellation is keyed by the monitor
     * it cancels, a notification by its phase ("rsc_pre_notify_start_0").
     */
    public String key() {
        if (resource == null) {
            return task;
        }
        String operation = CANCEL.equals(task) ? "monitor" : task;
        return resource.id() + "_" + operation + "_" + intervalMs;
    }

    /**
     * The operation the controller carries out: the task, except that a notification's task
     * names its phase ("pre_notify_start") while it runs "notify", and the clone's pseudo action
     * confirming one ("confirmed-post_notify_running") is "notified".
     */
    public String operation() {
        if (task.startsWith("confirmed-")) {
            return "notified";
        }
        if (task.startsWith("pre_notify_") || task.startsWith("post_notify_")) {
            return "notify";
        }
        return task;
    }

    /** The task of an action that stops a recurring monitor. */
    public static final String CANCEL = "cancel";

    /** A probe: a one-off monitor that finds out whether the resource runs on a node. */
    public boolean probe() {
        return "monitor".equals(task) && intervalMs == 0 && !pseudo;
    }

    @Override
    public String toString() {
        return key() + (node == null ? "" : " " + node.name());
    }
}
