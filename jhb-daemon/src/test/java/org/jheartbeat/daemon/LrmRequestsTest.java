package org.jheartbeat.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jheartbeat.client.ipc.IpcErrorCode;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.daemon.ipc.IpcRequestException;
import org.jheartbeat.lrm.LocalResourceManager;
import org.jheartbeat.testkit.SimScheduler;
import org.junit.jupiter.api.Test;

/** Malformed lrm requests are refused with what is wrong, before anything runs or changes. */
class LrmRequestsTest {

    private final SimScheduler sim = new SimScheduler(1);
    private final LrmRequests requests = new LrmRequests(
            new LocalResourceManager(sim.newLoop("lrm"), List.of(), 1, event -> { }), "node1");

    @Test
    void anUnknownActionIsNamed() throws Exception {
        assertThat(refusal("{\"action\":\"start\"}")).contains("unknown lrm action 'start'")
                .contains("add, delete, execute, cancel, list, history or statistics");
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        assertThat(refusal("{\"action\":\"add\",\"agent\":\"ocf:heartbeat:Dummy\"}")).contains("needs 'id'");
    }

    @Test
    void aBadAgentNameSaysHowToWriteIt() throws Exception {
        assertThat(refusal("{\"action\":\"add\",\"id\":\"d1\",\"agent\":\"Dummy\"}")).contains("class:provider:type");
    }

    @Test
    void aNegativeIntervalIsRefused() throws Exception {
        assertThat(refusal("{\"action\":\"execute\",\"id\":\"d1\",\"operation\":\"monitor\",\"interval\":-5,"
                + "\"timeout\":20000}")).contains("interval must be 0 or more");
    }

    @Test
    void parametersMustBeAnObject() throws Exception {
        assertThat(refusal("{\"action\":\"add\",\"id\":\"d1\",\"agent\":\"ocf:heartbeat:Dummy\",\"parameters\":[1]}"))
                .contains("parameters must be an object");
    }

    @Test
    void anUnsupportedClassIsRefusedByTheLrm() throws Exception {
        assertThat(refusal("{\"action\":\"add\",\"id\":\"d1\",\"agent\":\"ocf:heartbeat:Dummy\"}"))
                .contains("class 'ocf' is not supported");
    }

    @Test
    void anOperationOnAnUnknownResourceIsRefused() throws Exception {
        assertThat(refusal("{\"action\":\"execute\",\"id\":\"d9\",\"operation\":\"start\",\"interval\":0,"
                + "\"timeout\":20000}")).contains("resource d9 is not registered here");
    }

    private String refusal(String body) throws Exception {
        JsonNode json = IpcMessages.MAPPER.readTree(body);
        CompletableFuture<JsonNode> answer = requests.handle(json, null);
        sim.runFor(Duration.ZERO);
        assertThat(answer).isCompletedExceptionally();
        try {
            answer.get();
            throw new AssertionError("not refused");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ? e.getCause().getCause()
                    : e.getCause();
            assertThat(cause).isInstanceOf(IpcRequestException.class);
            assertThat(((IpcRequestException) cause).code()).isEqualTo(IpcErrorCode.BAD_REQUEST);
            return cause.getMessage();
        }
    }
}
