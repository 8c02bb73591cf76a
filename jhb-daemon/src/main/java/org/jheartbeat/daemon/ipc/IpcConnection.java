package org.jheartbeat.daemon.ipc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.jheartbeat.client.ipc.IpcErrorCode;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.client.ipc.LineChannel;
import org.jheartbeat.client.ipc.LineTooLongException;
import org.jheartbeat.common.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client connection: reads request lines and answers each, until the client goes away. */
final class IpcConnection {

    private static final Logger LOG = LoggerFactory.getLogger(IpcConnection.class);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final int QUOTED_LIMIT = 200;
    private static final String EXAMPLE = "send one JSON object per line, like {\"request\":\"status\"}";

    private final RequestHandler handler;
    private final AccessPolicy policy;
    private final Clock clock;

    IpcConnection(RequestHandler handler, AccessPolicy policy, Clock clock) {
        this.handler = handler;
        this.policy = policy;
        this.clock = clock;
    }

    void serve(SocketChannel channel) {
        try (LineChannel lines = new LineChannel(channel, IpcMessages.MAX_REQUEST_BYTES, clock)) {
            PeerCredentials who = peerOf(channel);
            while (true) {
                String line;
                try {
                    line = lines.readLine(IDLE_TIMEOUT);
                } catch (LineTooLongException e) {
                    // The rest of the line is unread, so the stream cannot be resynchronised.
                    lines.writeLine(IpcMessages.failure(IpcErrorCode.BAD_REQUEST, "request longer than "
                            + IpcMessages.MAX_REQUEST_BYTES + " bytes; closing the connection").toString(), WRITE_TIMEOUT);
                    return;
                }
                if (line == null) {
                    return;
                }
                Optional<String> refusal = policy.refusal(who);
                if (refusal.isPresent()) {
                    LOG.warn("Refused local request from user {}: not allowed", who.user());
                    lines.writeLine(IpcMessages.failure(IpcErrorCode.DENIED, refusal.get()).toString(), WRITE_TIMEOUT);
                    return;
                }
                lines.writeLine(answer(line, who).toString(), WRITE_TIMEOUT);
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("Closed an idle or stalled IPC connection");
        } catch (IOException | RuntimeException e) {
            LOG.debug("IPC connection ended: {}", e.toString());
        }
    }

    private static PeerCredentials peerOf(SocketChannel channel) throws IOException {
        UnixDomainPrincipal principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return new PeerCredentials(principal.user().getName(), principal.group().getName());
    }

    /** The answer to one request line; never throws, whatever the client sent. */
    JsonNode answer(String line, PeerCredentials who) {
        JsonNode request;
        try {
            request = IpcMessages.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return IpcMessages.failure(IpcErrorCode.BAD_REQUEST, "request is not JSON ("
                    + shortened(e.getOriginalMessage()) + "); " + EXAMPLE);
        }
        if (request == null || !request.isObject()) {
            return IpcMessages.failure(IpcErrorCode.BAD_REQUEST, "request is not a JSON object; " + EXAMPLE);
        }
        JsonNode name = request.get(IpcMessages.REQUEST);
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            return IpcMessages.failure(IpcErrorCode.BAD_REQUEST, "request has no \"request\" name; " + EXAMPLE);
        }
        JsonNode body = request.has(IpcMessages.BODY) ? request.get(IpcMessages.BODY) : IpcMessages.MAPPER.createObjectNode();
        return run(name.asText(), body, who);
    }

    private static String shortened(String text) {
        return text.length() <= QUOTED_LIMIT ? text : text.substring(0, QUOTED_LIMIT) + "...";
    }

    private JsonNode run(String name, JsonNode body, PeerCredentials who) {
        try {
            CompletableFuture<JsonNode> result = handler.handle(name, body, who);
            return IpcMessages.success(result.get(HANDLER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | CompletionException e) {
            return failure(name, e.getCause());
        } catch (TimeoutException e) {
            return IpcMessages.failure(IpcErrorCode.FAILED, "request '" + name + "' got no answer from the daemon within "
                    + HANDLER_TIMEOUT.toSeconds() + " s; the daemon may be overloaded");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IpcMessages.failure(IpcErrorCode.FAILED, "request '" + name + "' interrupted: the daemon is stopping");
        } catch (RuntimeException e) {
            return failure(name, e);
        }
    }

    private static JsonNode failure(String name, Throwable cause) {
        if (cause instanceof IpcRequestException refused) {
            return IpcMessages.failure(refused.code(), refused.getMessage());
        }
        LOG.warn("Local request '{}' failed", name, cause);
        return IpcMessages.failure(IpcErrorCode.FAILED, "request '" + name + "' failed: " + cause);
    }
}
