package org.jheartbeat.policy.graph;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * The pseudo actions of groups and clones: "start" before any child starts and "running" once
 * they all have, "stop" and "stopped" likewise, and for promotable clones "promote"/"promoted"
 * and "demote"/"demoted". Made only where a child has such an action, and runnable while one
 * of those is. A group orders its members: each starts after the one before it and stops
 * before it. A clone waits for the probes of its instances before it starts any.
 */
final class PseudoActions {

    /** Each phase: the children's task, the pseudo action before them and the one after them. */
    private static final String[][] PHASES = {
        {"start", "start", "running"},
        {"stop", "stop", "stopped"},
        {"promote", "promote", "promoted"},
        {"demote", "demote", "demoted"},
    };

    private final Cluster cluster;
    private final ActionIndex index;

    PseudoActions(Cluster cluster, ActionIndex index) {
        this.cluster = cluster;
        this.index = index;
    }

    void add() {
        for (Resource r : cluster.resources().values()) {
            add(r);
        }
    }

    private void add(Resource r) {
        if (r instanceof Primitive) {
            return;
        }
        for (Resource child : r.children()) {
            add(child);
        }
        for (String[] phase : PHASES) {
            wrap(r, phase[0], phase[1], phase[2]);
        }
        if (r instanceof Group && index.one(r, "start") == null && index.one(r, "stopped") != null && placed(r)) {
            index.add(r, "start", null, 0, true);
        }
        link(r, "stopped", "start");
        link(r, "demoted", "stop");
        link(r, "demoted", "promote");
        link(r, "running", "promote");
        if (r instanceof Group g && g.ordered()) {
            chain(g);
        }
        if (r instanceof Clone c) {
            Action start = index.one(c, "start");
            if (start != null) {
                for (Primitive p : c.primitives()) {
                    index.probes(p).forEach(start::runAfter);
                }
            }
        }
    }

    private void wrap(Resource r, String childTask, String before, String after) {
        List<Action> inner = new ArrayList<>();
        for (Resource child : r.children()) {
            inner.addAll(entry(child, childTask));
        }
        if (inner.isEmpty()) {
            return;
        }
        Action first = index.add(r, before, null, 0, true);
        Action last = index.add(r, after, null, 0, true);
        last.runAfter(first);
        Action blocked = null;
        boolean anyRunnable = false;
        for (Action a : inner) {
            a.runAfter(first);
            anyRunnable |= a.runnable();
            blocked = blocked == null && !a.runnable() ? a : blocked;
        }
        for (Action a : exits(r, childTask)) {
            last.runAfter(a);
        }
        if (!anyRunnable) {
            first.blockBecause(blocked.reason());
        }
        // required when a child's action is
        if (inner.stream().allMatch(Action::optional)) {
            first.markOptional();
            last.markOptional();
        }
        // A group is running when all its members are; a clone when the instances that can are.
        if (blocked != null && (!anyRunnable || r instanceof Group)) {
            last.blockBecause(blocked.reason());
        }
        if (r instanceof Group g && heldBack(g, childTask)) {
            last.blockBecause(null);
        }
    }

    /**
     * Whether a member without a runnable action of the phase still holds the group's step back,
     * as Pacemaker has it make one that cannot run: the start of a member placed nowhere or
     * blocked (made, with no node, for the group's orderings), the stops of an unmanaged or
     * blocked member it plans to recover.
     */
    private static boolean heldBack(Group g, String childTask) {
        for (Primitive member : g.children()) {
            boolean fixed = !member.managed() || member.blocked();
            if ("start".equals(childTask) && (member.assignedNode() == null || member.blocked())
                    || "stop".equals(childTask) && fixed && !member.active().isEmpty()
                    && (member.blocked() || member.recoveryPlanned())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a group stays placed after the transition. One that stops some of its
     * members but keeps running starts again (Pacemaker's "start" pseudo action after "stopped").
     */
    private static boolean placed(Resource r) {
        for (Primitive p : r.primitives()) {
            if (p.assignedNode() != null && p.managed()) {
                return true;
            }
        }
        return false;
    }

    /** Where a child's phase begins: its own actions, or a group's or clone's pseudo action. */
    private List<Action> entry(Resource child, String task) {
        if (child instanceof Primitive) {
            return index.of(child, task);
        }
        Action pseudo = index.one(child, task);
        return pseudo == null ? List.of() : List.of(pseudo);
    }

    /** Where the children's phase ends: their own actions, or their "running"-like pseudo actions. */
    private List<Action> exits(Resource r, String task) {
        List<Action> out = new ArrayList<>();
        for (Resource child : r.children()) {
            if (child instanceof Primitive) {
                out.addAll(index.of(child, task));
            } else {
                Action done = index.one(child, completion(task));
                if (done != null) {
                    out.add(done);
                }
            }
        }
        return out;
    }

    static String completion(String task) {
        for (String[] phase : PHASES) {
            if (phase[1].equals(task)) {
                return phase[2];
            }
        }
        return null;
    }

    private void link(Resource r, String first, String then) {
        Action a = index.one(r, first);
        Action b = index.one(r, then);
        if (a != null && b != null) {
            b.runAfter(a);
        }
    }

    /** Members start in order and stop in reverse order. */
    private void chain(Group g) {
        List<Primitive> members = g.children();
        for (int i = 1; i < members.size(); i++) {
            Primitive before = members.get(i - 1);
            Primitive after = members.get(i);
            for (Action start : index.of(after, "start")) {
                index.of(before, "start").forEach(start::runAfter);
            }
            for (Action stop : index.of(before, "stop")) {
                index.of(after, "stop").forEach(stop::runAfter);
            }
        }
    }
}
