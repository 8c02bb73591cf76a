package org.jheartbeat.lrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jheartbeat.cib.model.OperationDigest;
import org.jheartbeat.testkit.SimScheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalResourceManagerTest {

    private final SimScheduler sim = new SimScheduler(1);
    private final List<OperationEvent> events = new ArrayList<>();
    private ScriptedAgentClass agents;
    private LocalResourceManager lrm;

    @BeforeEach
    void setUp() {
        agents = new ScriptedAgentClass(sim.newLoop("agents"));
        lrm = new LocalResourceManager(sim.newLoop("lrm"), List.of(agents), 2, events::add);
        for (String id : List.of("a", "b", "c", "d")) {
            lrm.register(new ResourceDefinition(id, AgentId.parse("ocf:heartbeat:Dummy"), Map.of("state", id)));
        }
        sim.runFor(Duration.ZERO);
    }

    @Test
    void operationsOnOneResourceRunOneAfterAnotherInTheOrderAsked() {
        lrm.execute("a", OperationRequest.of("start", 0, 20_000));
        lrm.execute("a", OperationRequest.of("monitor", 0, 20_000));
        lrm.execute("a", OperationRequest.of("stop", 0, 20_000));
        sim.runFor(Duration.ofSeconds(1));

        assertThat(agents.runs()).extracting(ScriptedAgentClass.Run::action).containsExactly("start", "monitor", "stop");
        assertThat(agents.runs()).extracting(ScriptedAgentClass.Run::startMillis).containsExactly(0L, 100L, 200L);
        assertThat(agents.mostActive()).isEqualTo(1);
    }

    @Test
    void differentResourcesRunSideBySideUpToTheLimit() {
        for (String id : List.of("a", "b", "c", "d")) {
            lrm.execute(id, OperationRequest.of("start", 0, 20_000));
        }
        sim.runFor(Duration.ofSeconds(1));

        assertThat(agents.mostActive()).isEqualTo(2);
        assertThat(agents.runs()).extracting(ScriptedAgentClass.Run::startMillis).containsExactly(0L, 0L, 100L, 100L);
        assertThat(events).hasSize(4).allMatch(e -> e.result().rc() == 0);
    }

    @Test
    void aRecurringMonitorRunsOnItsIntervalAndReportsOnlyChanges() {
        lrm.execute("a", OperationRequest.of("monitor", 1_000, 20_000));
        sim.runFor(Duration.ofMillis(3_500));
        agents.answer("a", "monitor", OcfCodes.NOT_RUNNING);
        sim.runFor(Duration.ofMillis(3_000));

        assertThat(agents.runs()).extracting(ScriptedAgentClass.Run::startMillis)
                .containsExactly(0L, 1_000L, 2_000L, 3_000L, 4_000L, 5_000L, 6_000L);
        assertThat(events).extracting(e -> e.result().rc()).containsExactly(0, 7);
        assertThat(events).extracting(OperationEvent::callId).containsOnly(events.get(0).callId());
    }

    @Test
    void aSlowMonitorIsDelayedNotPiledUp() {
        agents.takes(Duration.ofMillis(2_500));
        lrm.execute("a", OperationRequest.of("monitor", 1_000, 20_000));
        sim.runFor(Duration.ofSeconds(10));

        assertThat(agents.runs()).extracting(ScriptedAgentClass.Run::startMillis)
                .containsExactly(0L, 2_500L, 5_000L, 7_500L, 10_000L);
        assertThat(agents.mostActive()).isEqualTo(1);
    }

    @Test
    void aCancelledMonitorStopsAndLeavesTheHistory() throws Exception {
        lrm.execute("a", OperationRequest.of("monitor", 1_000, 20_000));
        sim.runFor(Duration.ofMillis(1_500));
        CompletableFuture<Boolean> cancelled = lrm.cancel("a", "monitor", 1_000);
        sim.runFor(Duration.ofSeconds(5));

        assertThat(cancelled.get()).isTrue();
        assertThat(agents.runs()).hasSize(2);
        assertThat(history("a").recurring()).isEmpty();
    }

    @Test
    void aStopCancelsTheResourcesRecurringOperations() {
        lrm.execute("a", OperationRequest.of("monitor", 1_000, 20_000));
        sim.runFor(Duration.ofMillis(500));
        lrm.execute("a", OperationRequest.of("stop", 0, 20_000));
        sim.runFor(Duration.ofSeconds(5));

        assertThat(agents.runs()).extracting(ScriptedAgentClass.Run::action).containsExactly("monitor", "stop");
    }

    @Test
    void historyKeepsTheLastOperationTheLastFailureAndEachRecurringOne() throws Exception {
        agents.answer("a", "start", OcfCodes.ERR_GENERIC);
        lrm.execute("a", OperationRequest.of("start", 0, 20_000));
        sim.runFor(Duration.ofSeconds(1));
        agents.answer("a", "start", OcfCodes.SUCCESS);
        lrm.execute("a", OperationRequest.of("start", 0, 20_000));
        lrm.execute("a", OperationRequest.of("monitor", 10_000, 20_000));
        sim.runFor(Duration.ofSeconds(1));

        ResourceHistory history = history("a");
        assertThat(history.last().operation().action()).isEqualTo("start");
        assertThat(history.last().result().rc()).isZero();
        assertThat(history.lastFailure().result().rc()).isEqualTo(OcfCodes.ERR_GENERIC);
        assertThat(history.recurring()).containsOnlyKeys("a_monitor_10000");
        assertThat(history.last().parameterDigest()).isEqualTo(
                OperationDigest.of(Map.of("state", "a")));
        assertThat(history.recurring().get("a_monitor_10000").parameterDigest()).isEqualTo(
                OperationDigest.of(Map.of("state", "a", "CRM_meta_timeout", "20000")));
    }

    @Test
    void anOperationOnAnUnknownResourceIsRefused() {
        CompletableFuture<OperationResult> result = lrm.execute("nosuch", OperationRequest.of("start", 0, 20_000));
        sim.runFor(Duration.ZERO);

        assertThat(result).isCompletedExceptionally();
        assertThat(result).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("resource nosuch is not registered here");
    }

    @Test
    void aResourceOfAnUnsupportedClassIsRefused() {
        CompletableFuture<Void> registered = lrm.register(
                new ResourceDefinition("x", AgentId.parse("service:foo"), Map.of()));
        sim.runFor(Duration.ZERO);

        assertThat(registered).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("class 'service' is not supported");
    }

    private ResourceHistory history(String id) throws Exception {
        CompletableFuture<List<ResourceHistory>> all = lrm.history();
        sim.runFor(Duration.ZERO);
        return all.get().stream().filter(h -> h.resourceId().equals(id)).findFirst().orElseThrow();
    }
}
