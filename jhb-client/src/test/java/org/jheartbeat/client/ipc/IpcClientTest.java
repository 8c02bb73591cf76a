package org.jheartbeat.client.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.common.time.SystemClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpcClientTest {

    @TempDir
    Path dir;

    private IpcClient client(Duration timeout) {
        return new IpcClient(dir.resolve("heartbeat.sock"), timeout, SystemClock.INSTANCE);
    }

    private IpcException failureOf(IpcClient client) {
        return catchThrowableOfType(IpcException.class, () -> client.call("status", null));
    }

    @Test
    void missingSocketMeansNotRunning() {
        IpcException e = failureOf(client(Duration.ofSeconds(1)));

        assertThat(e.kind()).isEqualTo(IpcException.Kind.NOT_RUNNING);
        assertThat(e).hasMessage("heartbeat is not running on this node (no socket at " + dir.resolve("heartbeat.sock") + ")");
    }

    @Test
    void socketNobodyListensOnMeansNotRunning() throws IOException {
        ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(dir.resolve("heartbeat.sock"))).close();

        IpcException e = failureOf(client(Duration.ofSeconds(1)));

        assertThat(e.kind()).isEqualTo(IpcException.Kind.NOT_RUNNING);
        assertThat(e).hasMessageContaining("nothing answers on " + dir.resolve("heartbeat.sock"));
    }

    @Test
    void permissionDeniedSaysWhatToDo() {
        IpcException e = IpcClient.connectFailure(Path.of("/var/lib/heartbeat/heartbeat.sock"), new SocketException("Permission denied"));

        assertThat(e.kind()).isEqualTo(IpcException.Kind.ACCESS_DENIED);
        assertThat(e).hasMessage("permission denied on /var/lib/heartbeat/heartbeat.sock: run this as root or as a member of group haclient");
    }

    @Test
    void sendsRequestNameAndBodyAndReturnsResult() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying(dir.resolve("heartbeat.sock"), "{\"ok\":true,\"result\":{\"n\":3}}\n")) {
            JsonNode body = IpcMessages.MAPPER.createObjectNode().put("xpath", "/cib");

            JsonNode result = client(Duration.ofSeconds(5)).call("cib-query", body);

            assertThat(result.get("n").asInt()).isEqualTo(3);
            assertThat(server.received().get(5, TimeUnit.SECONDS)).isEqualTo("{\"request\":\"cib-query\",\"body\":{\"xpath\":\"/cib\"}}");
        }
    }

    @Test
    void garbageAnswerIsReportedWithTheAnswer() throws Exception {
        try (ScriptedServer ignored = ScriptedServer.replying(dir.resolve("heartbeat.sock"), "hello there\n")) {
            IpcException e = failureOf(client(Duration.ofSeconds(5)));

            assertThat(e.kind()).isEqualTo(IpcException.Kind.BAD_RESPONSE);
            assertThat(e).hasMessageContaining("gave an invalid answer: its answer is not JSON: hello there");
        }
    }

    @Test
    void answerWithoutOkIsBad() throws Exception {
        try (ScriptedServer ignored = ScriptedServer.replying(dir.resolve("heartbeat.sock"), "{\"result\":1}\n")) {
            IpcException e = failureOf(client(Duration.ofSeconds(5)));

            assertThat(e).hasMessageContaining("its answer has no boolean \"ok\"");
        }
    }

    @Test
    void connectionClosedWithoutAnswerIsBad() throws Exception {
        try (ScriptedServer ignored = ScriptedServer.replying(dir.resolve("heartbeat.sock"), "")) {
            IpcException e = failureOf(client(Duration.ofSeconds(5)));

            assertThat(e.kind()).isEqualTo(IpcException.Kind.BAD_RESPONSE);
            assertThat(e).hasMessageContaining("it closed the connection without answering");
        }
    }

    @Test
    void resultOfTheWrongShapeIsBad() throws Exception {
        try (ScriptedServer ignored = ScriptedServer.replying(dir.resolve("heartbeat.sock"), "{\"ok\":true,\"result\":[1,2]}\n")) {
            IpcException e = catchThrowableOfType(IpcException.class, () -> client(Duration.ofSeconds(5)).status());

            assertThat(e.kind()).isEqualTo(IpcException.Kind.BAD_RESPONSE);
            assertThat(e).hasMessageContaining("the result of 'status' is not a HeartbeatView");
        }
    }

    @Test
    void errorAnswerCarriesTheDaemonsWordsAndCode() throws Exception {
        String reply = "{\"ok\":false,\"error\":\"user bob may not use heartbeat\",\"code\":\"denied\"}\n";
        try (ScriptedServer ignored = ScriptedServer.replying(dir.resolve("heartbeat.sock"), reply)) {
            IpcException e = failureOf(client(Duration.ofSeconds(5)));

            assertThat(e.kind()).isEqualTo(IpcException.Kind.ACCESS_DENIED);
            assertThat(e.code()).isEqualTo(IpcErrorCode.DENIED);
            assertThat(e).hasMessage("user bob may not use heartbeat");
        }
    }

    @Test
    void silentDaemonTimesOut() throws Exception {
        try (ScriptedServer ignored = ScriptedServer.replying(dir.resolve("heartbeat.sock"), null)) {
            IpcException e = failureOf(client(Duration.ofMillis(200)));

            assertThat(e.kind()).isEqualTo(IpcException.Kind.TIMEOUT);
            assertThat(e).hasMessageContaining("heartbeat did not answer within 200 ms on " + dir.resolve("heartbeat.sock"));
        }
    }
}
