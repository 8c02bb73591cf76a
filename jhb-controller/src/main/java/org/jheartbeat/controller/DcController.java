package org.jheartbeat.controller;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.service.CibChanged;
import org.jheartbeat.cib.service.CibService;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.common.loop.Cancellable;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OpStatus;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.graph.ActionAttributes;
import org.jheartbeat.policy.model.ClusterOptions;
import org.jheartbeat.policy.model.InstanceIds;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Primitive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The designated coordinator's work, on the controller's loop of the node the membership names
 * DC. It asks every member for its LRM's history (the join) and writes it into the status
 * section, then runs the scheduler on the CIB and carries out the transition: each action sent
 * to its node once what it waits for is confirmed, the results written back into the status
 * section, failures counted. An unexpected result, a node leaving or joining, or a change of
 * the CIB by anyone else aborts the transition; once what was out has come back, the scheduler
 * runs again on the CIB as it now is. A new DC starts from the CIB and the members' reports
 * alone, so it finishes what a DC that died left half done.
 */
final class DcController {

    private static final Logger LOG = LoggerFactory.getLogger("crmd");
    /** Beyond the operation's own timeout (the LRM kills the agent then): time for the result to travel. */
    private static final Duration RESULT_SLACK = Duration.ofSeconds(20);
    /** How long a join waits for members that do not answer before the DC schedules without them. */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration JOIN_RETRY = Duration.ofSeconds(2);
    private static final Duration DEFAULT_RECHECK = Duration.ofMinutes(15);
    private static final Duration DEFAULT_STONITH_TIMEOUT = Duration.ofSeconds(60);
    /** Between a failed fencing and the next try: a device that cannot be reached now may be soon. */
    private static final Duration FENCE_RETRY = Duration.ofSeconds(5);

    private final String self;
    private final EventLoop loop;
    private final CibService cib;
    private final BiConsumer<String, HaMessage> send;
    private final Set<CibVersion> ownVersions = new HashSet<>();
    private final Set<String> joined = new HashSet<>();
    private final Map<String, Action> outstanding = new HashMap<>();
    private final Map<String, CleanupProgress> cleanups = new HashMap<>();
    /** The nodes' states and histories as this DC last wrote them ({@link StatusUpdates#nodeHistories}). */
    private String nodeHistories = "";
    private View view;
    private boolean active;
    private long join;
    private final Map<String, Long> askingSince = new HashMap<>();
    private int transitionCounter;
    private Transition transition;
    private TransitionExecutor executor;
    /** The CIB version the transition under way was computed from. */
    private CibVersion scheduledFrom;
    private String scheduledQuorum = "";
    private boolean scheduleQueued;
    private boolean stalled;
    /** The transition ends aborted by a failed fencing: the next one waits {@link #FENCE_RETRY}. */
    private boolean retryFencing;
    /** Failed fencing attempts in a row, by target. */
    private final Map<String, Integer> fenceFailures = new HashMap<>();
    private ClusterOptions options = new ClusterOptions(Map.of());
    private Cancellable recheck;
    /** The transition whose do_shutdown is this node's own: once it is complete, this node leaves. */
    private TransitionExecutor leavesAfter;

    /** The nodes yet to forget a resource, and those that have. */
    private record CleanupProgress(Set<String> waitingFor, Set<String> done) {
    }

    DcController(String self, EventLoop loop, CibService cib, BiConsumer<String, HaMessage> send) {
        this.self = self;
        this.loop = loop;
        this.cib = cib;
        this.send = send;
    }

    boolean active() {
        return active;
    }

    void viewChanged(View changed) {
        View previous = view;
        view = changed;
        boolean nowDc = self.equals(changed.dc());
        if (!nowDc) {
            if (active) {
                LOG.info("No longer DC (the DC is now {}): leaving transitions to it", changed.dc());
                stepDown();
            }
            return;
        }
        if (!active) {
            active = true;
            LOG.info("Taking over as DC of {} (quorum: {})", changed.members(), changed.quorum() ? "yes" : "no");
            startJoin(changed.members());
            forgetNodesNotIn(changed.members());
            return;
        }
        Set<String> left = new HashSet<>(previous.members());
        left.removeAll(changed.members());
        Set<String> arrived = new HashSet<>(changed.members());
        arrived.removeAll(previous.members());
        for (String node : left) {
            LOG.warn("Node {} left the cluster: its resources are no longer running there", node);
            joined.remove(node);
            changeCib(cib -> StatusUpdates.left(cib, node));
            // a node that left has nothing left to forget: a cleanup waiting for it goes on
            new ArrayList<>(cleanups.keySet()).forEach(resource -> forgotten(node, resource));
        }
        if (!left.isEmpty()) {
            loseActionsOn(left);
        }
        if (!left.isEmpty() || !arrived.isEmpty()) {
            // every member reports again: after a partition the CIB that won may hold another side's status
            startJoin(changed.members());
        }
        if (!left.isEmpty() || !arrived.isEmpty() || previous.quorum() != changed.quorum()) {
            requestSchedule("the membership changed");
        }
    }

    /** Actions sent to nodes that left will never be answered: they count as failed, which aborts the transition. */
    private void loseActionsOn(Set<String> nodes) {
        for (var it = outstanding.entrySet().iterator(); it.hasNext();) {
            Action a = it.next().getValue();
            if (nodes.contains(a.node().name())) {
                it.remove();
                LOG.warn("Action {} ({} on {}) lost: the node left", a.id(), a.key(), a.node().name());
                executor.confirm(a, false);
            }
        }
        advance();
    }

    private void stepDown() {
        active = false;
        joined.clear();
        cleanups.clear();
        outstanding.clear();
        transition = null;
        executor = null;
        leavesAfter = null;
        retryFencing = false;
        fenceFailures.clear();
        if (recheck != null) {
            recheck.cancel();
        }
    }

    private void startJoin(Set<String> members) {
        join++;
        joined.clear();
        askingSince.clear();
        askForState(members);
    }

    /**
     * Asks members for their LRM's state, again every {@link #JOIN_RETRY} while they have not
     * answered; one that has not answered within {@link #JOIN_TIMEOUT} no longer holds the
     * scheduler back (it stays out of the placement until it answers).
     */
    private void askForState(Set<String> nodes) {
        long now = loop.clock().monotonicMillis();
        for (String node : nodes) {
            askingSince.putIfAbsent(node, now);
            send.accept(node, ControllerMessages.to(ControllerMessages.JOIN, node).decimal("join", join).build());
        }
        long thisJoin = join;
        loop.schedule(JOIN_RETRY, () -> {
            if (!active || join != thisJoin) {
                return;
            }
            Set<String> missing = new HashSet<>(view.members());
            missing.removeAll(joined);
            missing.retainAll(nodes);
            if (missing.isEmpty()) {
                return;
            }
            if (joinOverdue()) {
                LOG.warn("Nodes {} did not report their resources within {} s: scheduling without them",
                        missing, JOIN_TIMEOUT.toSeconds());
                requestSchedule("the join timed out");
            }
            askForState(missing);
        });
    }

    /**
     * Whether every member not joined yet was asked longer than the join timeout ago, and those
     * that joined are still more than half of the view (members that never agree cannot be
     * outvoted by a DC whose view they do not share).
     */
    private boolean joinOverdue() {
        if (joined.size() * 2 <= view.members().size()) {
            return false;
        }
        long now = loop.clock().monotonicMillis();
        for (String member : view.members()) {
            if (!joined.contains(member) && now - askingSince.getOrDefault(member, now) < JOIN_TIMEOUT.toMillis()) {
                return false;
            }
        }
        return true;
    }

    /** Nodes the CIB shows online that are not members any more (they left while there was no DC). */
    private void forgetNodesNotIn(Set<String> members) {
        cib.query().thenAccept(current -> loop.execute(() -> {
            for (String node : onlineInStatus(current)) {
                if (!members.contains(node)) {
                    changeCib(document -> StatusUpdates.left(document, node));
                }
            }
        }));
    }

    private static List<String> onlineInStatus(CibDocument document) {
        List<String> online = new ArrayList<>();
        for (Element state : elements(document.root(), "status", "node_state")) {
            if ("true".equals(state.getAttribute("in_ccm")) || "online".equals(state.getAttribute("crmd"))) {
                online.add(state.getAttribute("uname").isEmpty() ? state.getAttribute("id") : state.getAttribute("uname"));
            }
        }
        return online;
    }

    void stateReceived(String from, HaMessage message) {
        if (!active || message.getDecimal("join") != join || !view.members().contains(from)) {
            return;
        }
        if (!self.equals(message.get("dc"))) {
            // the member's own view names another DC: the views disagree (a node that has just
            // started hears some nodes before others); it is asked again until they agree
            LOG.info("Node {} follows DC {}, not this one: not joined yet", from, message.get("dc"));
            return;
        }
        List<Element> resources;
        try {
            Element lrm = CibXml.parseElement(ControllerMessages.text(message, "lrm"), "the LRM state of " + from);
            resources = new ArrayList<>();
            for (Node n = lrm.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    resources.add(e);
                }
            }
        } catch (CibParseException e) {
            LOG.error("Unreadable LRM state from {}: {}", from, e.getMessage());
            return;
        }
        boolean leaving = "true".equals(message.get("shutdown"));
        LOG.info("Node {} joined: {} resource histories{}", from, resources.size(), leaving ? " (shutting down)" : "");
        joined.add(from);
        askingSince.remove(from);
        Long since = leaving ? loop.clock().wallTime().getEpochSecond() : null;
        changeCib(document -> StatusUpdates.shutdown(StatusUpdates.joined(document, from, resources), from, since))
                .thenAccept(written -> loop.execute(() -> requestSchedule(written, "node " + from + " joined")));
    }

    /**
     * A member asks to leave the cluster cleanly: its {@code shutdown} attribute tells the
     * scheduler to move everything off it and then to tell it to go ({@code do_shutdown}).
     */
    void shutdownRequested(String from) {
        if (!active || !view.members().contains(from)) {
            return;
        }
        LOG.info("Node {} is shutting down: its resources stop there (and start elsewhere if they can) before it "
                + "leaves", from);
        long now = loop.clock().wallTime().getEpochSecond();
        changeCib(document -> StatusUpdates.shutdown(document, from, now))
                .thenAccept(written -> loop.execute(() -> requestSchedule(written, "node " + from + " is shutting down")));
    }

    void resultReceived(String from, HaMessage message) {
        if (!active) {
            return;
        }
        String resource = message.get("rsc");
        String action = message.get("action");
        long interval = message.getDecimal("interval");
        int rc = (int) message.getDecimal("rc");
        boolean done = message.getDecimal("status") == OpStatus.DONE.code();
        String key = message.get("key");
        int expected = LrmCommand.expectedRc(key);
        boolean probe = "monitor".equals(action) && interval == 0;
        boolean asExpected = done && rc == expected;
        boolean failed = !done || rc != expected && !(probe && isProbeAnswer(rc));
        String historyXml = ControllerMessages.text(message, "history");
        if (historyXml != null) {
            try {
                Element history = CibXml.parseElement(historyXml, "the history of " + resource + " on " + from);
                changeCib(document -> StatusUpdates.resourceHistory(document, from, history));
            } catch (CibParseException e) {
                LOG.error("Unreadable history of {} from {}: {}", resource, from, e.getMessage());
            }
        }
        if (failed && !"cancel".equals(action)) {
            boolean toInfinity = "stop".equals(action) || "start".equals(action) && options.startFailureIsFatal();
            LOG.warn("{} of {} on {} failed: rc={} (expected {}){}", action, resource, from, rc, expected,
                    toInfinity ? ": the node is banned for it" : "");
            long now = loop.clock().wallTime().getEpochSecond();
            changeCib(document -> StatusUpdates.failure(document, from, resource, action, interval, toInfinity, now));
        }
        Action matched = key == null ? null : outstanding.remove(key);
        if (matched != null) {
            LOG.info("Action {} ({} on {}) confirmed: rc={}{}", matched.id(), matched.key(), from, rc,
                    asExpected ? "" : " (expected " + expected + ")");
            executor.confirm(matched, asExpected);
            if (!asExpected) {
                LOG.info("Transition {} aborted: {} of {} on {} returned {}", executor.id(), action, resource, from, rc);
            }
            advance();
        } else if (!asExpected) {
            requestSchedule(action + " of " + resource + " on " + from + " returned " + rc);
        }
    }

    private static boolean isProbeAnswer(int rc) {
        return rc == OcfCodes.SUCCESS || rc == OcfCodes.NOT_RUNNING || rc == OcfCodes.RUNNING_PROMOTED;
    }

    /**
     * An operator's cleanup: every node named (or every member) forgets the resource; once all
     * have, its history and failures leave the status section in one change, and it is probed
     * again (one change, so the scheduler never sees it forgotten on some nodes only).
     */
    void cleanup(String resource, String node) {
        if (!active) {
            return;
        }
        Set<String> nodes = new HashSet<>();
        for (String member : view.members()) {
            if (node == null || node.equals(member)) {
                nodes.add(member);
            }
        }
        if (nodes.isEmpty()) {
            LOG.warn("Cleanup of {} on {}: not a member of the cluster, nothing to do", resource, node);
            return;
        }
        cleanups.put(resource, new CleanupProgress(nodes, new HashSet<>()));
        for (String member : nodes) {
            send.accept(member, ControllerMessages.to(ControllerMessages.FORGET, member).string("rsc", resource).build());
        }
    }

    /** A node forgot a resource; the last one to answer lets the status go. */
    void forgotten(String from, String resource) {
        CleanupProgress progress = cleanups.get(resource);
        if (!active || progress == null || !progress.waitingFor().remove(from)) {
            return;
        }
        progress.done().add(from);
        if (!progress.waitingFor().isEmpty()) {
            return;
        }
        cleanups.remove(resource);
        LOG.info("Cleaned up {} on {}", resource, progress.done());
        changeCib(document -> {
            CibDocument cleaned = document;
            for (String node : progress.done()) {
                cleaned = StatusUpdates.forget(cleaned, node, resource);
            }
            return cleaned;
        }).thenAccept(written -> loop.execute(() -> requestSchedule(written, "cleanup of " + resource)));
    }

    /** The CIB changed: anyone's change but ours is a reason to look again. */
    void cibChanged(CibChanged change) {
        if (!active || ownVersions.remove(change.to()) || onlyNamesTheDc(change)) {
            return;
        }
        stalled = false;
        if (change.sections().contains("status")
                && !StatusUpdates.nodeHistories(change.snapshot()).equals(nodeHistories)) {
            // a whole CIB taken from another node (a partition that merged) brought its own view of
            // the nodes and their resources: only the nodes themselves can say what runs there
            LOG.info("The status section of CIB {} is not the one written here: asking every node again", change.to());
            startJoin(view.members());
        }
        requestSchedule(change.to(), "the CIB changed to " + change.to() + " (" + String.join(", ", change.sections()) + ")");
    }

    /**
     * A change of the root's attributes alone that leaves {@code have-quorum} as the transition under
     * way read it: the DC's name written on a takeover, which the scheduler does not read. Taken for
     * news, it aborted every takeover's first transition, and with the status section compared
     * while this DC's own join write was still queued, it started the join again.
     */
    private boolean onlyNamesTheDc(CibChanged change) {
        return change.sections().equals(Set.of("cib")) && executor != null && !executor.finished()
                && change.snapshot().root().getAttribute("have-quorum").equals(scheduledQuorum);
    }

    /**
     * Runs the scheduler soon for a change of the CIB, unless the transition under way was
     * computed from that version or a later one: it knows the change already. The CIB answers a
     * query from memory but tells of a change once it is on disk, so the transition may have been
     * computed from a CIB that has a change before the change is told.
     */
    private void requestSchedule(CibVersion changed, String reason) {
        if (changed != null && executor != null && !executor.finished() && !changed.isNewerThan(scheduledFrom)) {
            return;
        }
        requestSchedule(reason);
    }

    /** Runs the scheduler soon; a transition in progress is aborted first and the scheduler runs once it is over. */
    void requestSchedule(String reason) {
        if (!active) {
            return;
        }
        if (executor != null && !executor.finished()) {
            if (!executor.aborted()) {
                LOG.info("Transition {} aborted: {}", executor.id(), reason);
                executor.abort();
            }
            return;
        }
        if (!scheduleQueued) {
            scheduleQueued = true;
            LOG.info("Scheduling: {}", reason);
            loop.execute(this::schedule);
        }
    }

    private void schedule() {
        scheduleQueued = false;
        if (!active || executor != null && !executor.finished()) {
            return;
        }
        if (!joined.containsAll(view.members()) && !joinOverdue()) {
            return;
        }
        cib.query().thenAccept(document -> loop.execute(() -> run(document)));
    }

    private void run(CibDocument document) {
        if (!active || executor != null && !executor.finished()) {
            return;
        }
        Instant now = loop.clock().wallTime();
        scheduledFrom = document.version();
        scheduledQuorum = document.root().getAttribute("have-quorum");
        try {
            transition = Scheduler.schedule(document, now);
        } catch (RuntimeException e) {
            LOG.error("The scheduler cannot work on CIB {}: {}; fix the configuration (crm_verify -L)",
                    document.version(), e.getMessage());
            return;
        }
        options = transition.cluster().options();
        planRecheck();
        List<Action> graph = new ArrayList<>();
        for (Action a : transition.actions()) {
            if (a.inGraph()) {
                graph.add(a);
            }
        }
        executor = new TransitionExecutor(transitionCounter++, graph,
                MetaValues.integer(options.get("batch-limit", "0"), 0));
        if (graph.isEmpty()) {
            LOG.info("Transition {}: nothing to do (CIB {})", executor.id(), document.version());
            return;
        }
        LOG.info("Transition {}: {} actions (CIB {}){}", executor.id(), graph.size(), document.version(),
                transition.summary().isEmpty() ? "" : ": " + String.join("; ", transition.summary()));
        advance();
    }

    /** Sends what is ready, completes what needs no node, and ends the transition when it is over. */
    private void advance() {
        if (executor == null) {
            return;
        }
        List<Action> ready = executor.takeReady();
        while (!ready.isEmpty()) {
            for (Action a : ready) {
                fire(a);
            }
            ready = executor.takeReady();
        }
        if (executor.finished()) {
            finish();
        }
    }

    private void fire(Action a) {
        if (ActionAttributes.isFencing(a)) {
            fence(a);
            return;
        }
        if (ActionAttributes.isShutdown(a)) {
            executor.confirm(a, true);
            String node = a.node().name();
            // once it has gone it is down as expected, not lost: no fencing
            changeCib(document -> StatusUpdates.expectedDown(document, node));
            if (self.equals(node)) {
                // the DC leaves last: once the rest of the transition (its resources started elsewhere) is done
                leavesAfter = executor;
            } else {
                LOG.info("Telling {} to leave the cluster: its resources are stopped (transition {})", node,
                        executor.id());
                send.accept(node, ControllerMessages.to(ControllerMessages.SHUTDOWN, node).build());
            }
            return;
        }
        if (!TransitionExecutor.runsOnNode(a)) {
            executor.confirm(a, true);
            return;
        }
        int expected = ActionAttributes.expectedRc(a);
        String key = a.id() + ":" + executor.id() + ":" + expected + ":" + self;
        LrmCommand command = LrmCommand.of(transition, a, key);
        outstanding.put(key, a);
        LOG.info("Initiating {} on {} (action {}, transition {})", a.key(), a.node().name(), a.id(), executor.id());
        String node = a.node().name();
        send.accept(node, ControllerMessages.to(ControllerMessages.EXEC, node)
                .binary("op", ControllerMessages.utf8(command.toXml())).build());
        TransitionExecutor sentIn = executor;
        loop.schedule(Duration.ofMillis(command.timeoutMs()).plus(RESULT_SLACK), () -> {
            if (sentIn == executor && outstanding.remove(key) != null) {
                LOG.error("Action {} ({} on {}) timed out: no result within {} ms", a.id(), a.key(), node,
                        Duration.ofMillis(command.timeoutMs()).plus(RESULT_SLACK).toMillis());
                executor.confirm(a, false);
                advance();
            }
        });
    }

    /**
     * A fence action: the node that runs the devices is this DC unless it is the target itself,
     * else another member; it tries the configured devices that can fence the target. The
     * action is confirmed only once the target is written down cleanly ({@link StatusUpdates#fenced}),
     * so what depends on it (its resources started elsewhere) never starts before.
     */
    private void fence(Action a) {
        String target = a.node().name();
        String action = a.task().substring("stonith-".length());
        List<FenceDevice> devices = FenceDevice.configured(transition.cluster());
        String runner = self.equals(target) ? view.members().stream().filter(m -> !m.equals(target)).sorted()
                .findFirst().orElse(null) : self;
        if (runner == null) {
            fenceFailed(a, target, action, null, "no other member can run a fencing device");
            return;
        }
        Duration timeout = Duration.ofMillis(MetaValues.millis(options.get("stonith-timeout", "60s"),
                DEFAULT_STONITH_TIMEOUT.toMillis()));
        String key = a.id() + ":" + executor.id() + ":fence:" + self;
        outstanding.put(key, a);
        LOG.info("Initiating fencing ({}) of {} on {} (action {}, transition {}): {}", action, target, runner, a.id(),
                executor.id(), a.reason() == null ? "it is unclean" : a.reason());
        send.accept(runner, ControllerMessages.to(ControllerMessages.FENCE, runner).string("key", key)
                .string("target", target).string("action", action).decimal("timeout", timeout.toMillis())
                .binary("devices", ControllerMessages.utf8(FenceDevice.toXml(devices))).build());
        TransitionExecutor sentIn = executor;
        Duration limit = timeout.plus(RESULT_SLACK);
        loop.schedule(limit, () -> {
            if (sentIn == executor && outstanding.remove(key) != null) {
                fenceFailed(a, target, action, runner, "no answer from " + runner + " within " + limit.toSeconds() + " s");
                advance();
            }
        });
    }

    void fenceResult(String from, HaMessage message) {
        if (!active) {
            return;
        }
        Action a = outstanding.remove(message.get("key"));
        if (a == null) {
            return;
        }
        String target = message.get("target");
        String action = a.task().substring("stonith-".length());
        String detail = ControllerMessages.text(message, "detail");
        if (message.getDecimal("ok") != 1) {
            fenceFailed(a, target, action, from, detail);
            advance();
            return;
        }
        fenceFailures.remove(target);
        String said = detail == null || detail.isBlank() ? "" : " (" + detail + ")";
        if ("on".equals(action)) {
            // unfencing lets a node that is up reach its devices again: it is not down
            LOG.info("Node {} was unfenced by {} using device {}: OK{}", target, from, message.get("device"), said);
            executor.confirm(a, true);
            advance();
            return;
        }
        LOG.warn("Node {} was fenced ({}) by {} using device {}: OK{}; its resources count as stopped", target, action,
                from, message.get("device"), said);
        TransitionExecutor sentIn = executor;
        changeCib(document -> StatusUpdates.fenced(document, target)).thenRun(() -> loop.execute(() -> {
            if (sentIn == executor && active) {
                executor.confirm(a, true);
                advance();
            }
        }));
    }

    /**
     * Fencing failed: nothing that waits for it runs, and the transition is aborted; the next
     * one tries again after {@link #FENCE_RETRY}, up to stonith-max-attempts times in a row,
     * after which the DC waits for a change (as Pacemaker gives up on a node).
     */
    private void fenceFailed(Action a, String target, String action, String runner, String why) {
        int attempts = fenceFailures.merge(target, 1, Integer::sum);
        int max = MetaValues.integer(options.get("stonith-max-attempts", "10"), 10);
        boolean giveUp = attempts >= max;
        LOG.error("Fencing ({}) of {}{} failed: {}. Nothing that needs {} down is started; {}. Check the device and "
                + "the network to it; if {} is certainly powered off, "
                + "stonith-enabled=false lets the cluster go on without fencing", action, target,
                runner == null ? "" : " by " + runner, why, target,
                giveUp ? "giving up after " + attempts + " attempts until the configuration or membership changes"
                        : "trying again in " + FENCE_RETRY.toSeconds() + " s (attempt " + attempts + " of " + max + ")",
                target);
        stalled = giveUp;
        retryFencing = !giveUp;
        executor.confirm(a, false);
    }

    private void finish() {
        TransitionExecutor over = executor;
        outstanding.clear();
        if (over.aborted()) {
            if (retryFencing) {
                retryFencing = false;
                LOG.info("Transition {} ({} actions) aborted: scheduling again in {} s", over.id(), over.size(),
                        FENCE_RETRY.toSeconds());
                loop.schedule(FENCE_RETRY, () -> requestSchedule("fencing is tried again"));
                return;
            }
            LOG.info("Transition {} ({} actions) aborted{}", over.id(), over.size(), stalled ? "" : ": scheduling again");
            if (!stalled) {
                requestSchedule("transition " + over.id() + " was aborted");
            }
        } else if (over.incomplete()) {
            LOG.warn("Transition {} ({} actions) stopped short: actions wait on ones that cannot run", over.id(),
                    over.size());
        } else if (over.size() > 0) {
            LOG.info("Transition {} ({} actions) complete", over.id(), over.size());
            if (over == leavesAfter) {
                LOG.info("This node's resources are stopped: the DC leaves the cluster{}",
                        view.members().size() > 1 ? ", another node takes over as DC" : " (the last node in it)");
                send.accept(self, ControllerMessages.to(ControllerMessages.SHUTDOWN, self).build());
            }
        }
    }

    /**
     * Failures expire without any event: the scheduler runs again after cluster-recheck-interval,
     * or sooner when a resource with failures has a failure-timeout.
     */
    private void planRecheck() {
        if (recheck != null) {
            recheck.cancel();
        }
        long millis = MetaValues.millis(options.get("cluster-recheck-interval", "15min"), DEFAULT_RECHECK.toMillis());
        for (Primitive p : transition.cluster().primitives()) {
            long timeout = MetaValues.millis(p.meta("failure-timeout"), 0);
            if (timeout > 0 && hasFailcount(p)) {
                millis = Math.min(millis, Math.max(1000, timeout / 4));
            }
        }
        if (millis <= 0) {
            return;
        }
        Duration delay = Duration.ofMillis(millis);
        recheck = loop.schedule(delay, () -> requestSchedule("recheck after " + delay.toMillis() + " ms"));
    }

    /** Whether a node counts failures of the primitive (the attributes its failure-timeout expires). */
    private boolean hasFailcount(Primitive p) {
        String prefix = "fail-count-" + InstanceIds.shownId(p) + "#";
        return transition.cluster().nodes().values().stream()
                .anyMatch(node -> node.attributes().keySet().stream().anyMatch(name -> name.startsWith(prefix)));
    }

    /**
     * Changes the CIB as DC, remembering the version so the change feed does not count it as
     * someone else's; completes with the version written (null when the write failed).
     */
    private CompletableFuture<CibVersion> changeCib(UnaryOperator<CibDocument> change) {
        return cib.change(change).thenApply(changed -> {
            loop.execute(() -> {
                if (!changed.sections().isEmpty()) {
                    ownVersions.add(changed.to());
                    nodeHistories = StatusUpdates.nodeHistories(changed.snapshot());
                }
            });
            return changed.to();
        }).exceptionally(error -> {
            LOG.error("Cannot write to the CIB: {}", error.getMessage());
            return null;
        });
    }

    private static List<Element> elements(Element root, String section, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node s = root.getFirstChild(); s != null; s = s.getNextSibling()) {
            if (s instanceof Element e && e.getTagName().equals(section)) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child && child.getTagName().equals(tag)) {
                        found.add(child);
                    }
                }
            }
        }
        return found;
    }
}
