package org.jheartbeat.daemon.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcErrorCode;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.common.time.SystemClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpcServerTest {

    @TempDir
    Path dir;

    private final AtomicReference<PeerCredentials> lastPeer = new AtomicReference<>();
    private IpcServer server;

    private final RequestHandler handler = new RequestDispatcher()
            .on("echo", (body, who) -> {
                lastPeer.set(who);
                return CompletableFuture.completedFuture(body);
            })
            .on("explode", (body, who) -> {
                throw new IllegalStateException("boom");
            })
            .on("refuse", (body, who) -> CompletableFuture.failedFuture(
                    new IpcRequestException(IpcErrorCode.FAILED, "no CIB yet; try again once the cluster is up")));

    private Path socket() {
        return dir.resolve("state/heartbeat.sock");
    }

    private IpcServer start(AccessPolicy policy) throws IpcServerException {
        server = IpcServer.start(socket(), handler, policy, SystemClock.INSTANCE);
        return server;
    }

    private IpcServer start() throws IpcServerException {
        return start(who -> Optional.empty());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void roundTripPassesBodyAndPeerCredentials() throws Exception {
        start();
        JsonNode body = IpcMessages.MAPPER.createObjectNode().put("x", 1);

        JsonNode result = new IpcClient(socket()).call("echo", body);

        assertThat(result).isEqualTo(body);
        assertThat(lastPeer.get().user()).isEqualTo(System.getProperty("user.name"));
        assertThat(lastPeer.get().group()).isNotBlank();
    }

    @Test
    void requestWithoutBodyGetsAnEmptyObject() throws Exception {
        start();

        assertThat(new IpcClient(socket()).call("echo", null)).isEqualTo(IpcMessages.MAPPER.createObjectNode());
    }

    @Test
    void socketIsGroupReadableOnly() throws Exception {
        start();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket(), LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-rw----");
    }

    @Test
    void socketBelongsToGroupHaclientWhenItExists() throws Exception {
        assumeTrue(Files.readString(Path.of("/etc/group")).lines().anyMatch(line -> line.startsWith("haclient:")),
                "no group haclient on this machine");
        assumeTrue("root".equals(System.getProperty("user.name")), "only root may give a file to any group");
        start();

        assertThat(Files.readAttributes(socket(), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).group().getName())
                .isEqualTo("haclient");
    }

    @Test
    void badRequestsAreAnsweredAndTheConnectionSurvives() throws Exception {
        start();
        try (RawClient client = new RawClient(socket())) {
            assertThat(client.ask("status please")).contains("\"ok\":false", "\"code\":\"bad-request\"",
                    "request is not JSON", "like {\\\"request\\\":\\\"status\\\"}");
            assertThat(client.ask("[1,2]")).contains("request is not a JSON object");
            assertThat(client.ask("")).contains("request is not a JSON object");
            assertThat(client.ask("{\"body\":{}}")).contains("request has no \\\"request\\\" name");
            assertThat(client.ask("{\"request\":42}")).contains("request has no \\\"request\\\" name");
            assertThat(client.ask("{\"request\":\"frobnicate\"}")).contains("\"code\":\"unknown-request\"",
                    "unknown request 'frobnicate'; this daemon knows: echo, explode, refuse");
            assertThat(client.ask("{\"request\":\"echo\",\"body\":{\"still\":\"here\"}}"))
                    .isEqualTo("{\"ok\":true,\"result\":{\"still\":\"here\"}}");
        }
    }

    @Test
    void handlerFailuresBecomeErrorAnswers() throws Exception {
        start();
        try (RawClient client = new RawClient(socket())) {
            assertThat(client.ask("{\"request\":\"explode\"}")).contains("\"code\":\"failed\"", "request 'explode' failed", "boom");
            assertThat(client.ask("{\"request\":\"refuse\"}"))
                    .isEqualTo("{\"ok\":false,\"error\":\"no CIB yet; try again once the cluster is up\",\"code\":\"failed\"}");
        }
    }

    @Test
    void overlongLineIsRefusedAndTheConnectionClosed() throws Exception {
        start();
        try (RawClient client = new RawClient(socket())) {
            String answer = client.ask("x".repeat(IpcMessages.MAX_REQUEST_BYTES + 10));

            assertThat(answer).contains("\"code\":\"bad-request\"", "request longer than 4194304 bytes");
            assertThat(client.next()).isNull();
        }
        assertThat(new IpcClient(socket()).call("echo", null)).isNotNull();
    }

    @Test
    void refusedPeerIsToldWhyAndWhatToDo() throws Exception {
        start(who -> Optional.of("user " + who.user() + " may not use heartbeat; add it to haclient"));

        IpcException e = catchThrowableOfType(IpcException.class, () -> new IpcClient(socket()).call("echo", null));

        assertThat(e.kind()).isEqualTo(IpcException.Kind.ACCESS_DENIED);
        assertThat(e).hasMessage("user " + System.getProperty("user.name") + " may not use heartbeat; add it to haclient");
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        Files.createDirectories(socket().getParent());
        ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket())).close();
        assertThat(socket()).exists();

        start();

        assertThat(new IpcClient(socket()).call("echo", null)).isNotNull();
    }

    @Test
    void liveDaemonIsNotDisturbed() throws Exception {
        start();

        assertThatThrownBy(() -> IpcServer.start(socket(), handler, who -> Optional.empty(), SystemClock.INSTANCE))
                .isInstanceOf(IpcServerException.class)
                .hasMessage("another heartbeat is already running on this node: it answers on " + socket()
                        + "; stop it first, or give this one another state directory (--state-dir)");
        assertThat(new IpcClient(socket()).call("echo", null)).isNotNull();
    }

    @Test
    void pathThatIsNotASocketIsLeftAlone() throws IOException {
        Files.createDirectories(socket().getParent());
        Files.writeString(socket(), "precious");

        assertThatThrownBy(this::start)
                .isInstanceOf(IpcServerException.class)
                .hasMessage(socket() + " exists and is not a socket; move it away and start heartbeat again");
        assertThat(socket()).hasContent("precious");
    }

    @Test
    void closeRemovesTheSocketFile() throws Exception {
        start().close();

        assertThat(socket()).doesNotExist();
        IpcException e = catchThrowableOfType(IpcException.class, () -> new IpcClient(socket()).call("echo", null));
        assertThat(e.kind()).isEqualTo(IpcException.Kind.NOT_RUNNING);
    }
}
