package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Ordering;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;

/**
 * What mandatory orderings (configured, and a group's implied ones) do to the actions: a start
 * after a start that cannot happen cannot happen either, a restart of the first forces a
 * restart of the then, and a stop of the first forces the then to stop before it.
 */
final class OrderingEffects {

    private final Cluster cluster;
    private final Map<Primitive, ResourcePlan> plans;
    private final TransitionPlanner planner;

    OrderingEffects(Cluster cluster, Map<Primitive, ResourcePlan> plans, TransitionPlanner planner) {
        this.cluster = cluster;
        this.plans = plans;
        this.planner = planner;
    }

    private record Pair(Primitive first, Primitive then, String firstAction, String thenAction, boolean symmetrical) {
    }

    void apply() {
        List<Pair> pairs = pairs();
        for (int round = 0; round < 20; round++) {
            boolean changed = false;
            for (Pair pair : pairs) {
                changed |= propagate(pair);
            }
            if (!changed) {
                break;
            }
        }
    }

    private List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        for (Resource r : cluster.resources().values()) {
            groupPairs(r, pairs);
        }
        for (Ordering o : cluster.orderings()) {
            if (o.kind() != Ordering.Kind.MANDATORY) {
                continue;
            }
            List<Primitive> firsts = lastOf(o.first());
            List<Primitive> thens = firstOf(o.then());
            for (Primitive f : firsts) {
                for (Primitive t : thens) {
                    pairs.add(new Pair(f, t, o.firstAction(), o.thenAction(), o.symmetrical()));
                }
            }
        }
        return pairs;
    }

    private static void groupPairs(Resource r, List<Pair> pairs) {
        if (r instanceof Group g && g.ordered()) {
            for (int i = 1; i < g.children().size(); i++) {
                pairs.add(new Pair(g.children().get(i - 1), g.children().get(i), "start", "start", true));
            }
        }
        for (Resource c : r.children()) {
            groupPairs(c, pairs);
        }
    }

    private static List<Primitive> lastOf(Resource r) {
        if (r instanceof Group g && !g.children().isEmpty()) {
            return List.of(g.children().get(g.children().size() - 1));
        }
        return r.primitives();
    }

    private static List<Primitive> firstOf(Resource r) {
        if (r instanceof Group g && !g.children().isEmpty()) {
            return List.of(g.children().get(0));
        }
        return r.primitives();
    }

    private boolean propagate(Pair pair) {
        if (!"start".equals(pair.firstAction) || !"start".equals(pair.thenAction)) {
            return false;
        }
        ResourcePlan f = plans.get(pair.first);
        ResourcePlan t = plans.get(pair.then);
        if (f == null || t == null) {
            return false;
        }
        boolean thenFixed = !t.rsc.managed() || t.rsc.blocked();
        if (thenFixed) {
            return pair.symmetrical && t.current != null && blockStops(f, "required " + pair.then.id() + " stop");
        }
        boolean firstFixed = !f.rsc.managed() || f.rsc.blocked();
        boolean firstCannotStart = firstFixed ? f.current == null || f.rsc.failed()
                : f.next == null || f.start != null && !f.start.runnable();
        String unrunnable = "unrunnable " + pair.first.id() + " start";
        boolean changed = false;
        if (firstCannotStart) {
            if (t.start != null && t.start.runnable()) {
                t.start.blockBecause(unrunnable);
                changed = true;
            }
            if (pair.symmetrical && t.current != null && !t.stopsOn(t.current)) {
                t.stopReason = unrunnable;
                changed |= addStop(t, t.current);
            }
            return changed;
        }
        boolean firstStarts = f.start != null && f.start.runnable();
        if (firstStarts && t.current != null && t.current == t.next && t.start == null) {
            t.restartReason = "required " + pair.first.id() + " start";
            addStop(t, t.current);
            t.start = planner.action(pair.then, "start", t.next, false);
            return true;
        }
        if (pair.symmetrical && !f.stops.isEmpty() && t.current != null && !t.stopsOn(t.current)) {
            changed |= addStop(t, t.current);
            if (t.start == null && t.next != null) {
                t.start = planner.action(pair.then, "start", t.next, false);
                t.start.blockBecause(unrunnable);
            }
        }
        return changed;
    }

    private static boolean blockStops(ResourcePlan plan, String why) {
        boolean changed = false;
        for (Action stop : plan.stops) {
            if (stop.runnable() && !stop.pseudo()) {
                stop.blockBecause(why);
                changed = true;
            }
        }
        return changed;
    }

    private boolean addStop(ResourcePlan plan, org.jheartbeat.policy.model.Node node) {
        if (plan.stopsOn(node)) {
            return false;
        }
        plan.stops.add(planner.action(plan.rsc, "stop", node, false));
        return true;
    }
}
