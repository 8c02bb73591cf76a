package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.junit.jupiter.api.Test;

class TransitionExecutorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static List<Action> graphOfAColdGroup() {
        Transition t = Scheduler.schedule(TestCibs.twoNodesOneGroup(TestCibs.online("node1") + TestCibs.online("node2")), NOW);
        List<Action> graph = new ArrayList<>();
        for (Action a : t.actions()) {
            if (a.inGraph()) {
                graph.add(a);
            }
        }
        return graph;
    }

    private static List<String> keys(List<Action> actions) {
        return actions.stream().filter(TransitionExecutor::runsOnNode).map(a -> a.key() + "@" + a.node().name()).toList();
    }

    /** Confirms pseudo actions as the DC does (they need no node) and returns the node actions taken. */
    private static List<Action> takeNodeActions(TransitionExecutor executor) {
        List<Action> onNodes = new ArrayList<>();
        List<Action> ready = executor.takeReady();
        while (!ready.isEmpty()) {
            for (Action a : ready) {
                if (TransitionExecutor.runsOnNode(a)) {
                    onNodes.add(a);
                } else {
                    executor.confirm(a, true);
                }
            }
            ready = executor.takeReady();
        }
        return onNodes;
    }

    @Test
    void probesComeFirstThenTheGroupStartsInOrder() {
        TransitionExecutor executor = new TransitionExecutor(1, graphOfAColdGroup(), 0);
        List<Action> probes = takeNodeActions(executor);
        assertThat(keys(probes)).containsExactlyInAnyOrder("d1_monitor_0@node1", "d1_monitor_0@node2",
                "d2_monitor_0@node1", "d2_monitor_0@node2");
        probes.forEach(a -> executor.confirm(a, true));
        List<Action> next = takeNodeActions(executor);
        assertThat(keys(next)).singleElement().asString().startsWith("d1_start_0@");
        next.forEach(a -> executor.confirm(a, true));
        List<Action> after = takeNodeActions(executor);
        assertThat(keys(after)).anyMatch(k -> k.startsWith("d2_start_0@")).anyMatch(k -> k.startsWith("d1_monitor_10000@"));
        after.forEach(a -> executor.confirm(a, true));
        takeNodeActions(executor);
        assertThat(executor.finished()).isTrue();
        assertThat(executor.aborted()).isFalse();
    }

    @Test
    void theBatchLimitKeepsThatManyNodeActionsOut() {
        TransitionExecutor executor = new TransitionExecutor(1, graphOfAColdGroup(), 1);
        List<Action> first = takeNodeActions(executor);
        assertThat(first).hasSize(1);
        assertThat(takeNodeActions(executor)).isEmpty();
        executor.confirm(first.get(0), true);
        assertThat(takeNodeActions(executor)).hasSize(1);
    }

    @Test
    void aFailureAbortsSendsNothingMoreAndEndsWhenWhatIsOutIsBack() {
        TransitionExecutor executor = new TransitionExecutor(1, graphOfAColdGroup(), 0);
        List<Action> probes = takeNodeActions(executor);
        executor.confirm(probes.get(0), false);
        assertThat(executor.aborted()).isTrue();
        assertThat(executor.failed()).isTrue();
        assertThat(executor.finished()).isFalse();
        probes.subList(1, probes.size()).forEach(a -> executor.confirm(a, true));
        assertThat(takeNodeActions(executor)).isEmpty();
        assertThat(executor.finished()).isTrue();
    }

    @Test
    void anAbortLetsWhatIsOutComeBackButStartsNothingNew() {
        TransitionExecutor executor = new TransitionExecutor(1, graphOfAColdGroup(), 0);
        List<Action> probes = takeNodeActions(executor);
        executor.abort();
        probes.forEach(a -> executor.confirm(a, true));
        assertThat(takeNodeActions(executor)).isEmpty();
        assertThat(executor.finished()).isTrue();
        assertThat(executor.failed()).isFalse();
    }

    @Test
    void aConfirmationOfAnActionNeverSentIsIgnored() {
        List<Action> graph = graphOfAColdGroup();
        TransitionExecutor executor = new TransitionExecutor(1, graph, 0);
        Action notSent = graph.stream().filter(a -> a.key().startsWith("d2_start")).findFirst().orElseThrow();
        executor.confirm(notSent, false);
        assertThat(executor.aborted()).isFalse();
    }
}
