package org.jheartbeat.policy.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Ordering;
import org.jheartbeat.policy.model.OrderingDuplicates;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * What mandatory orderings (configured, and a group's implied ones) do to the actions: a start
 * after a start that cannot happen cannot happen either (and a symmetrical ordering stops the
 * then), a start of the first forces a restart of an active then, and a stop of the first
 * forces the then to stop before it (also with "stop then stop", restarting it where it
 * stays). A group or clone as the first is its "running" step: runnable while any member can be
 * active.
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

    /**
     * first is a primitive, a group or a clone (its "running" step); then is one primitive.
     * needsFirst: the then cannot start unless the first can (false where only the first's
     * changes carry over to the then). viaGroup: the ordering names the then's group, so it
     * reaches the then through the group's own start and stop, which leave the member free to
     * migrate while the first moves. forward, inverse: whether the ordering's own steps, and the
     * inverse ones of a symmetrical ordering (the then's stop before the first's), count, or an
     * earlier ordering of the same steps does instead ({@link OrderingDuplicates}).
     */
    private record Pair(Resource first, Primitive then, String firstAction, String thenAction, boolean symmetrical,
                        List<Resource> alternatives, int minimum, String label, boolean interleaved, boolean needsFirst,
                        boolean viaGroup, boolean forward, boolean inverse) {

        Pair(Resource first, Primitive then, String firstAction, String thenAction, boolean symmetrical) {
            this(first, then, firstAction, thenAction, symmetrical, List.of(), 0, null, false, true, false, true,
                    symmetrical);
        }

    }

    void apply() {
        List<Pair> pairs = pairs();
        for (int round = 0; round < 50; round++) {
            boolean changed = false;
            for (Pair pair : pairs) {
                changed |= propagate(pair);
            }
            for (Colocation c : cluster.colocations()) {
                changed |= followPrimary(c);
            }
            changed |= promotionsWaitForStarts();
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
        OrderingDuplicates duplicates = new OrderingDuplicates(cluster.orderings());
        for (Ordering o : cluster.orderings()) {
            boolean mandatory = o.kind() == Ordering.Kind.MANDATORY;
            if (!mandatory && !restartsWithFirst(o)) {
                continue;
            }
            boolean forward = !duplicates.forwardDropped(o);
            boolean inverse = mandatory && o.symmetrical() && !duplicates.inverseDropped(o);
            if (mandatory && o.first() instanceof Clone fc && o.then() instanceof Clone tc && tc.interleave()
                    && o.alternatives().isEmpty()) {
                interleaved(o, fc, tc, forward, inverse, pairs);
                continue;
            }
            for (Primitive t : firstOf(o.then())) {
                pairs.add(new Pair(o.first(), t, o.firstAction(), o.thenAction(), mandatory && o.symmetrical(),
                        o.alternatives(), o.minimum(), o.label(), false, mandatory, o.then() instanceof Group,
                        forward, inverse));
            }
        }
        return pairs;
    }

    /**
     * An optional ordering whose then has the (deprecated) meta attribute restart-type=restart:
     * what the first does (a restart, a stop) the then does too, though it may still start
     * without the first.
     */
    private static boolean restartsWithFirst(Ordering o) {
        return o.kind() == Ordering.Kind.OPTIONAL && o.then() != null && "restart".equals(o.then().meta("restart-type"));
    }

    /** Interleaved clones: each then instance waits only for the first's instance on its own node. */
    private static void interleaved(Ordering o, Clone first, Clone then, boolean forward, boolean inverse,
                                    List<Pair> pairs) {
        for (Resource ti : then.children()) {
            Node node = ti.instanceNode();
            // an asymmetrical order pairs only with an instance placed there (nothing to stop in step with)
            Resource match = node == null ? null : o.symmetrical() ? first.instanceOn(node) : first.instanceGoingTo(node);
            if (match == null) {
                continue;
            }
            for (Primitive t : firstOf(ti)) {
                pairs.add(new Pair(match, t, o.firstAction(), o.thenAction(), o.symmetrical(), List.of(), 0, null, true, true,
                        false, forward, inverse));
            }
        }
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

    /** What an ordering's then waits on: a group's first member, or every member of a group that is not ordered. */
    private static List<Primitive> firstOf(Resource r) {
        if (r instanceof Group g && !g.children().isEmpty()) {
            return g.ordered() ? List.of(g.children().get(0)) : List.copyOf(g.children());
        }
        if (r instanceof Clone c) {
            List<Primitive> out = new ArrayList<>();
            for (Resource instance : c.children()) {
                out.addAll(firstOf(instance));
            }
            return out;
        }
        return r.primitives();
    }

    /** The first side's step as the then sees it; stops counts stops that are not live migrations. */
    private record FirstState(String name, boolean cannotStart, boolean starts, boolean stops, List<ResourcePlan> plans,
                              java.util.Set<Node> touched) {

        /** Does the first's start force a restart of a then running on this node? */
        boolean restarts(Node node) {
            return touched == null ? starts : touched.contains(node);
        }
    }

    private FirstState state(Pair pair) {
        if (pair.alternatives.isEmpty()) {
            return state(pair.first);
        }
        int runnable = 0;
        List<ResourcePlan> members = new ArrayList<>();
        for (Resource alternative : pair.alternatives) {
            FirstState one = state(alternative);
            if (!one.cannotStart) {
                runnable++;
            }
            members.addAll(one.plans);
        }
        // "One or more" only gates starts: alternatives coming and going restart nothing.
        return new FirstState(pair.label, runnable < pair.minimum, false, false, members, null);
    }

    private FirstState state(Resource first) {
        if (first == null) {
            return new FirstState("", true, false, false, List.of(), null);
        }
        List<ResourcePlan> members = new ArrayList<>();
        for (Primitive p : first.primitives()) {
            ResourcePlan plan = plans.get(p);
            if (plan != null) {
                members.add(plan);
            }
        }
        boolean single = first instanceof Primitive;
        boolean starts = false;
        boolean stops = false;
        for (ResourcePlan f : members) {
            starts |= f.start != null && f.start.runnable() && !f.migrate;
            stops |= !f.stops.isEmpty() && !f.migrate;
        }
        // a clone runs where any instance runs whole (a cloned group only with all its members)
        boolean cannotStart = first instanceof Clone clone
                ? clone.children().stream().noneMatch(this::canRun) : !canRun(first);
        String name = first.id() + (single ? " start" : " running");
        // A clone's instances matter to a then only where they start or stop on the then's node.
        return new FirstState(name, cannotStart, starts, stops, members, first instanceof Clone ? touchedNodes(members) : null);
    }

    /** Whether every primitive of the resource will be running after the transition. */
    private boolean canRun(Resource r) {
        List<ResourcePlan> members = new ArrayList<>();
        for (Primitive p : r.primitives()) {
            ResourcePlan plan = plans.get(p);
            if (plan != null) {
                members.add(plan);
            }
        }
        for (ResourcePlan f : members) {
            boolean fixed = !f.rsc.managed() || f.rsc.blocked();
            // a member stopped where it is placed, with no start to bring it back, will not be running either
            // (a failure blocks an unmanaged one only when it is blocked: left alone, it still runs)
            boolean cannot = fixed ? f.current == null || f.rsc.blocked() && f.rsc.failed()
                    : f.next == null || f.start != null && !f.start.runnable() || f.start == null && f.stopsOn(f.next);
            if (cannot) {
                return false;
            }
        }
        return !members.isEmpty();
    }

    private static java.util.Set<Node> touchedNodes(List<ResourcePlan> members) {
        java.util.Set<Node> touched = new java.util.HashSet<>();
        for (ResourcePlan m : members) {
            if (m.migrate) {
                continue;
            }
            for (Action stop : m.stops) {
                touched.add(stop.node());
            }
            if (m.start != null && m.start.runnable()) {
                touched.add(m.start.node());
            }
        }
        return touched;
    }

    /** A promotion that must wait for a first which cannot start does not happen. */
    private boolean promotionWaitsForStart(Pair pair) {
        ResourcePlan t = plans.get(pair.then);
        if (t == null || t.promote == null || !t.promote.runnable() || !pair.needsFirst) {
            return false;
        }
        FirstState f = state(pair);
        if (!f.cannotStart) {
            return false;
        }
        t.promote.blockBecause("unrunnable " + f.name);
        return true;
    }

    /** A promotion ordered after the first's: blocked when the first will be promoted nowhere. */
    private boolean promotionWaitsForPromotion(Pair pair) {
        ResourcePlan t = plans.get(pair.then);
        if (t == null || t.promote == null || !t.promote.runnable() || !pair.needsFirst || pair.first == null) {
            return false;
        }
        for (Primitive p : pair.first.primitives()) {
            ResourcePlan fp = plans.get(p);
            if (fp != null && fp.next != null && p.nextRole() == Role.PROMOTED && (fp.promote == null || fp.promote.runnable())) {
                return false;
            }
        }
        t.promote.blockBecause("unrunnable " + pair.first.id() + (pair.first instanceof Clone ? " promoted" : " promote"));
        return true;
    }

    private boolean propagate(Pair pair) {
        boolean startToStart = "start".equals(pair.firstAction) && "start".equals(pair.thenAction);
        if (!pair.forward && !startToStart) {
            return false;
        }
        if ("stop".equals(pair.firstAction) && "stop".equals(pair.thenAction)) {
            return stopForcesStop(pair);
        }
        if ("promote".equals(pair.firstAction) && "start".equals(pair.thenAction)) {
            return promotionRestarts(pair);
        }
        if ("start".equals(pair.firstAction) && "promote".equals(pair.thenAction)) {
            return promotionWaitsForStart(pair);
        }
        if ("promote".equals(pair.firstAction) && "promote".equals(pair.thenAction)) {
            return promotionWaitsForPromotion(pair);
        }
        if (!"start".equals(pair.firstAction) || !"start".equals(pair.thenAction)) {
            return false;
        }
        ResourcePlan t = plans.get(pair.then);
        if (t == null) {
            return false;
        }
        FirstState f = state(pair);
        boolean thenFixed = !t.rsc.managed() || t.rsc.blocked();
        if (thenFixed) {
            boolean changed = false;
            // a then that needs a stop it cannot have (blocked, or a group member the group's stop
            // takes along) holds the first's stops; an unmanaged one, failed or not, has only an
            // optional stop (Pacemaker's actions for an unmanaged resource are), nothing to wait for
            boolean sameGroup = t.rsc.parent() instanceof Group && pair.first.parent() == t.rsc.parent();
            boolean holds = t.rsc.blocked() || sameGroup;
            // a first outside the then's clone waits for the clone's "stopped", which waits only
            // while no instance can stop
            if (holds && t.rsc.top() instanceof Clone clone && clone != pair.first.top() && anyInstanceStops(clone)) {
                holds = false;
            }
            if (pair.inverse && t.current != null && holds && stopsHeldWithThen(pair.first)) {
                for (ResourcePlan fp : f.plans) {
                    changed |= blockStops(fp, "unrunnable " + pair.then.id() + " stop");
                }
            }
            return changed | unmanagedStartLeftOut(pair, f, t);
        }
        String unrunnable = "unrunnable " + f.name;
        boolean changed = false;
        // the first stops only after the then has stopped: a then that cannot stop holds it too
        if (pair.inverse && stopsHeldWithThen(pair.first) && t.stops.stream().anyMatch(stop -> !stop.runnable() && !stop.pseudo())) {
            for (ResourcePlan fp : f.plans) {
                changed |= blockStops(fp, "unrunnable " + pair.then.id() + " stop");
            }
        }
        if (pair.forward && f.cannotStart && pair.needsFirst) {
            if (t.start != null && t.start.runnable()) {
                t.start.blockBecause(unrunnable);
                changed = true;
            }
            boolean firstGoingAway = !f.plans.isEmpty() && f.plans.stream().allMatch(p -> p.current != null && !p.rsc.failed());
            // a clone placed but kept from running by its own firsts takes the then down as required, one placed nowhere as unrunnable
            boolean clonePlaced = pair.first instanceof Clone && f.plans.stream().anyMatch(p -> p.next != null);
            // a restart the first required that can no longer start again is a stop required the same way
            if (t.current != null && t.stopsOn(t.current) && t.stopReason == null && t.restartReason != null
                    && t.restartReason.startsWith("required ")) {
                t.stopReason = t.restartReason;
                changed = true;
            }
            // an asymmetrical order stops a running then only for a first of several (a set that
            // needs some, clone-min): a single first that cannot start leaves it running
            boolean ofSeveral = !pair.alternatives.isEmpty() || pair.minimum > 0;
            if ((pair.symmetrical || !firstGoingAway && ofSeveral) && t.current != null && !t.stopsOn(t.current)) {
                if (!firstGoingAway || !(pair.first instanceof Primitive) && !clonePlaced) {
                    t.stopReason = unrunnable;
                } else if (!pair.interleaved) {
                    t.stopReason = "required " + f.name;
                } else if (f.plans.stream().anyMatch(p -> p.next != null)) {
                    // an interleaved then's own instance of the first, placed but kept from starting: that is the reason
                    t.stopReason = unrunnable;
                }
                changed |= addStop(t, t.current);
                // Pacemaker has a start for it where it is placed, which the first keeps from running
                if (t.start == null && t.next != null) {
                    t.start = planner.action(pair.then, "start", t.next, false);
                    t.start.blockBecause(unrunnable);
                }
            }
            return changed;
        }
        if (pair.forward && t.migrate && f.starts && !pair.viaGroup) {
            t.migrate = false;
            t.moveReason = "unrunnable " + (pair.first == null ? pair.label : pair.first.id()) + " stop";
            changed = true;
        }
        boolean definitionRestart = "resource definition change".equals(t.restartReason);
        if (pair.forward && impliesThen(pair) && t.current != null && restartsThen(pair, f, t) && t.current == t.next
                && (t.start == null || definitionRestart)) {
            t.restartReason = "required " + f.name;
            // the then stops before the first (symmetry): a first that stops makes the then's stop required
            if (pair.symmetrical && pair.first instanceof Primitive && f.stops && t.stopReason == null) {
                t.stopReason = "required " + pair.first.id() + " stop";
            }
            addStop(t, t.current);
            if (t.start == null) {
                t.start = planner.action(pair.then, "start", t.next, false);
            }
            return true;
        }
        // (an interleaved then instance is paired with the first's instance by the actions they
        // have: one with no stop of its own is not made to stop)
        if (pair.inverse && !pair.interleaved && f.stops && pair.first instanceof Primitive && t.current != null
                && !t.stopsOn(t.current)) {
            t.stopReason = "required " + f.name;
            changed |= addStop(t, t.current);
            if (t.start == null && t.next != null) {
                t.start = planner.action(pair.then, "start", t.next, false);
                t.start.blockBecause(unrunnable);
            }
        }
        return changed;
    }

    /**
     * A first that starts makes the start of what is ordered after it required where it stays
     * (of each instance, for another clone), unmanaged resources included: their restart is
     * not carried out, but the start stays required, and the graph leaves it out (the resource
     * is unmanaged). What waits for it (a group's or clone's "running", and what is ordered
     * after it) then stays undone, unlike an unmanaged resource that is merely left alone.
     */
    private boolean unmanagedStartLeftOut(Pair pair, FirstState f, ResourcePlan t) {
        Node node = t.current;
        if (!pair.forward || !impliesThen(pair) || pair.interleaved || t.start != null || node == null
                || t.rsc.blocked() || !restartsThen(pair, f, t)) {
            return false;
        }
        t.start = planner.action(pair.then, "start", node, false);
        t.start.leaveOutOfGraph();
        return true;
    }

    /**
     * Whether the order makes the then's start required when the first's is: mandatory and
     * symmetrical, or an optional one with restart-type=restart; an asymmetrical one leaves a
     * then that runs alone.
     */
    private static boolean impliesThen(Pair pair) {
        return pair.symmetrical || !pair.needsFirst;
    }

    /**
     * Whether the first's start restarts a then running where it stays. A clone first matters to a
     * then outside any clone only where its instances start or stop on the then's node; an instance
     * of another clone, not interleaved, waits for its clone's start, which any start of the first
     * makes required, so every running instance restarts.
     */
    private static boolean restartsThen(Pair pair, FirstState f, ResourcePlan t) {
        if (!pair.interleaved && pair.first != null && t.rsc.top() instanceof Clone thenClone
                && thenClone != pair.first.top()) {
            return f.starts;
        }
        return f.restarts(t.current);
    }

    /**
     * Whether a then's stop that cannot run keeps the first's stops from running: only a
     * primitive's own stop waits for it. A group or clone waits through its pseudo "stop", which
     * Pacemaker does not let hold back its members' and instances' stops: they stop all the same,
     * and only the group's or clone's "stopped" (and what follows it) never completes.
     */
    private static boolean stopsHeldWithThen(Resource first) {
        return first instanceof Primitive;
    }

    /**
     * A promotion comes after the start on its node: once an ordering or colocation keeps that
     * start from running, the promotion is blocked too, with no reason of its own and, like the
     * start, required by nothing (as {@link TransitionPlanner} has it for a start blocked from
     * the outset).
     */
    private boolean promotionsWaitForStarts() {
        boolean changed = false;
        for (ResourcePlan plan : plans.values()) {
            if (plan.promote != null && plan.promote.runnable() && plan.start != null && !plan.start.runnable()) {
                plan.promote.blockBecause(null);
                plan.promote.markOptional();
                changed = true;
            }
        }
        return changed;
    }

    private boolean anyInstanceStops(Clone clone) {
        for (Primitive p : clone.primitives()) {
            ResourcePlan plan = plans.get(p);
            if (plan != null && plan.stops.stream().anyMatch(Action::runnable)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A clone that demotes an instance and promotes one again (anywhere: the then waits for the
     * clone as a whole) restarts a then that runs: it stops before the demotion (the order's
     * inverse) and starts after the promotion.
     */
    private boolean promotionRestarts(Pair pair) {
        ResourcePlan t = plans.get(pair.then);
        if (!(pair.first instanceof Clone clone) || !pair.alternatives.isEmpty() || t == null
                || !t.rsc.managed() || t.rsc.blocked() || t.current == null || t.current != t.next
                || t.start != null && !"resource definition change".equals(t.restartReason)) {
            return false;
        }
        boolean promotes = false;
        boolean demotes = false;
        for (Primitive p : clone.primitives()) {
            ResourcePlan plan = plans.get(p);
            promotes |= plan != null && plan.promote != null && plan.promote.runnable();
            demotes |= plan != null && plan.demote != null;
        }
        if (!promotes || !demotes || !pair.symmetrical && !pair.interleaved && pair.needsFirst) {
            return false;
        }
        t.restartReason = "required " + clone.id() + (clone.notifying() ? " notified" : " promoted");
        addStop(t, t.current);
        if (t.start == null) {
            t.start = planner.action(pair.then, "start", t.next, false);
        }
        return true;
    }

    /**
     * A primary placed on a node but kept from running there (its start cannot happen) takes
     * down what must run with it there: the dependent neither starts nor stays.
     */
    private boolean followPrimary(Colocation c) {
        if (c.score() >= Score.INFINITY && c.primary() instanceof Clone clone && clone.promotable()
                && c.primaryRole() == Role.PROMOTED) {
            return followUnpromoted(c, clone);
        }
        if (c.score() >= Score.INFINITY && c.primary() instanceof Clone clone) {
            return followClone(c, clone);
        }
        if (c.score() < Score.INFINITY || !(c.primary() instanceof Primitive primary)
                || c.primaryRole() != null && c.primaryRole() != Role.STARTED) {
            return false;
        }
        ResourcePlan p = plans.get(primary);
        if (p == null || p.next == null || !endsStopped(p)) {
            return false;
        }
        String why = "colocation with " + primary.id();
        if (c.dependentRole() == Role.PROMOTED && c.dependent() instanceof Clone clone) {
            return blockPromotionsOn(clone, p.next, why);
        }
        if (!(c.dependent() instanceof Primitive dependent)
                || c.dependentRole() != null && c.dependentRole() != Role.STARTED) {
            return false;
        }
        ResourcePlan d = plans.get(dependent);
        if (d == null || d.next != p.next) {
            return false;
        }
        boolean changed = false;
        if (d.start != null && d.start.runnable()) {
            d.start.blockBecause(why);
            changed = true;
        }
        if (d.current != null && d.current == d.next && !d.stopsOn(d.current)) {
            d.stopReason = why;
            changed |= addStop(d, d.current);
        }
        return changed;
    }

    /**
     * What must go with a promotable clone's promoted role when no instance of it will be
     * promoted: it neither starts nor stays (a promoted role of it is not promoted), as
     * Pacemaker blocks it once every instance's promotion is out of reach.
     */
    private boolean followUnpromoted(Colocation c, Clone primary) {
        Primitive last = null;
        for (Primitive p : primary.primitives()) {
            ResourcePlan plan = plans.get(p);
            if (plan != null && endsPromoted(plan)) {
                return false;
            }
            last = p;
        }
        if (last == null) {
            return false;
        }
        return blockDependent(c, "colocation with " + last.id());
    }

    /**
     * What must go with a clone none of whose instances can start (each is placed, and ends
     * stopped: its start, or staying where it runs, cannot happen): Pacemaker blocks the dependent wherever it is, its starts (its promotions, for a
     * colocation of the promoted role), so what runs of it stops too, promoted or not.
     */
    private boolean followClone(Colocation c, Clone primary) {
        if (primary.children().isEmpty()) {
            return false;
        }
        boolean anyPlaced = false;
        Primitive last = null;
        for (Resource instance : primary.children()) {
            List<Primitive> primitives = instance.primitives();
            ResourcePlan plan = primitives.isEmpty() ? null : plans.get(primitives.get(0));
            if (plan != null && plan.next == null) {
                // placed nowhere, running or not: Pacemaker still makes its start (the clone's
                // orderings ask for it), on no node, so it cannot run
                last = plan.rsc;
                continue;
            }
            if (plan == null || !endsStopped(plan)) {
                return false;
            }
            anyPlaced = true;
        }
        // Pacemaker names the last start it found that cannot run: the clone's own, which an
        // ordering blocked when instances placed on nodes cannot start, else the last instance's
        return blockDependent(c, "colocation with " + (anyPlaced || last == null ? primary.id() : last.id()));
    }

    /** Blocks the dependent of a mandatory colocation whose primary cannot reach its role: no promotion, or no start and no staying. */
    private boolean blockDependent(Colocation c, String why) {
        boolean changed = false;
        for (Primitive dependent : c.dependent().primitives()) {
            ResourcePlan d = plans.get(dependent);
            if (d == null) {
                continue;
            }
            if (c.dependentRole() == Role.PROMOTED) {
                if (d.promote != null && d.promote.runnable()) {
                    d.promote.blockBecause(why);
                    changed = true;
                }
                continue;
            }
            if (d.start != null && d.start.runnable()) {
                d.start.blockBecause(why);
                changed = true;
            }
            if (d.current != null && !d.stopsOn(d.current) && d.rsc.managed() && !d.rsc.blocked()) {
                d.stopReason = why;
                changed |= addStop(d, d.current);
            }
        }
        return changed;
    }

    /** Promoted at the end of the transition: promoted now and staying so, or being promoted. */
    private static boolean endsPromoted(ResourcePlan p) {
        if (p.promote != null) {
            return p.promote.runnable();
        }
        return p.rsc.currentRole() == Role.PROMOTED && p.current == p.next && p.demote == null
                && !p.stopsOn(p.current);
    }

    /** A promoted role that must go with a primary which will not run: no promotion on its node. */
    private boolean blockPromotionsOn(Clone clone, Node node, String why) {
        boolean changed = false;
        for (Primitive instance : clone.primitives()) {
            ResourcePlan d = plans.get(instance);
            if (d != null && d.promote != null && d.promote.runnable() && d.next == node) {
                d.promote.blockBecause(why);
                changed = true;
            }
        }
        return changed;
    }

    /** Whether a resource placed on a node will not be running there after the transition. */
    private static boolean endsStopped(ResourcePlan p) {
        if (p.start != null) {
            return !p.start.runnable();
        }
        return p.current == null || p.stopsOn(p.current);
    }

    /** "first stop, then stop": when the first stops, the then stops before it, and starts again where it stays. */
    private boolean stopForcesStop(Pair pair) {
        ResourcePlan t = plans.get(pair.then);
        // a first blocked by a failure never stops, and what must stop after it cannot either
        if (t != null && pair.first instanceof Primitive first && first.blocked()) {
            return blockStops(t, null);
        }
        if (t == null || !t.rsc.managed() || t.rsc.blocked() || t.current == null || t.stopsOn(t.current)
                || !state(pair).stops) {
            return false;
        }
        addStop(t, t.current);
        if (t.next == t.current && t.start == null) {
            t.start = planner.action(pair.then, "start", t.next, false);
        }
        return true;
    }

    /** Blocks the plan's stops, and its start with them: a resource starts elsewhere only once it has stopped. */
    private static boolean blockStops(ResourcePlan plan, String why) {
        boolean changed = false;
        for (Action stop : plan.stops) {
            if (stop.runnable() && !stop.pseudo()) {
                stop.blockBecause(why);
                changed = true;
            }
        }
        if (changed && plan.start != null && plan.start.runnable()) {
            plan.start.blockBecause(why);
        }
        return changed;
    }

    private boolean addStop(ResourcePlan plan, Node node) {
        if (plan.stopsOn(node)) {
            return false;
        }
        plan.stops.add(planner.action(plan.rsc, "stop", node, false));
        return true;
    }
}
