package org.jheartbeat.client.ipc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.common.time.SystemClock;

/**
 * Talks to the local heartbeat daemon over its Unix-domain socket: one connection per call.
 * Every failure becomes an {@link IpcException} whose message names the socket and says
 * what to do.
 */
public final class IpcClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int QUOTED_GARBAGE = 200;

    private final Path socket;
    private final Duration timeout;
    private final Clock clock;

    public IpcClient(Path socket, Duration timeout, Clock clock) {
        this.socket = socket;
        this.timeout = timeout;
        this.clock = clock;
    }

    public IpcClient(Path socket) {
        this(socket, DEFAULT_TIMEOUT, SystemClock.INSTANCE);
    }

    public Path socket() {
        return socket;
    }

    /** Asks for the daemon's status view. */
    public HeartbeatView status() throws IpcException {
        return call(IpcMessages.STATUS, null, HeartbeatView.class);
    }

    /** Sends a request and converts its result to the given type. */
    public <T> T call(String request, JsonNode body, Class<T> resultType) throws IpcException {
        JsonNode result = call(request, body);
        try {
            return IpcMessages.MAPPER.treeToValue(result, resultType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw badResponse("the result of '" + request + "' is not a " + resultType.getSimpleName()
                    + " (" + e.getMessage().lines().findFirst().orElse("") + ")", result.toString(), e);
        }
    }

    /** Sends a request (body may be null) and returns the {@code result} of a successful answer. */
    public JsonNode call(String request, JsonNode body) throws IpcException {
        String answer;
        try (LineChannel line = new LineChannel(connect(), IpcMessages.MAX_RESPONSE_BYTES, clock)) {
            line.writeLine(IpcMessages.request(request, body).toString(), timeout);
            answer = line.readLine(timeout);
        } catch (IpcException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw new IpcException(IpcException.Kind.TIMEOUT, null,
                    "heartbeat did not answer within " + timeout.toMillis() + " ms on " + socket
                            + "; it may be overloaded or hung", e);
        } catch (LineTooLongException | EOFException e) {
            throw badResponse(e.getMessage(), "", e);
        } catch (IOException e) {
            throw new IpcException(IpcException.Kind.IO, null,
                    "talking to heartbeat on " + socket + " failed: " + e.getMessage(), e);
        }
        if (answer == null) {
            throw badResponse("it closed the connection without answering", "", null);
        }
        return resultOf(answer);
    }

    private SocketChannel connect() throws IOException, IpcException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException e) {
            channel.close();
            throw connectFailure(socket, e);
        }
    }

    /** Turns a failed connect into the explanation a user needs. */
    static IpcException connectFailure(Path socket, IOException e) {
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("No such file") || reason.contains("Not a directory")) {
            return new IpcException(IpcException.Kind.NOT_RUNNING, null,
                    "heartbeat is not running on this node (no socket at " + socket + ")", e);
        }
        if (e instanceof ConnectException || reason.contains("Connection refused")) {
            return new IpcException(IpcException.Kind.NOT_RUNNING, null,
                    "heartbeat is not running on this node (nothing answers on " + socket + ")", e);
        }
        if (reason.contains("Permission denied") || reason.contains("Operation not permitted")) {
            return new IpcException(IpcException.Kind.ACCESS_DENIED, null,
                    "permission denied on " + socket + ": run this as root or as a member of group haclient", e);
        }
        return new IpcException(IpcException.Kind.IO, null,
                "cannot connect to heartbeat on " + socket + ": " + reason, e);
    }

    private JsonNode resultOf(String answer) throws IpcException {
        JsonNode response;
        try {
            response = IpcMessages.MAPPER.readTree(answer);
        } catch (JsonProcessingException e) {
            throw badResponse("its answer is not JSON", answer, e);
        }
        if (response == null || !response.isObject() || !response.path(IpcMessages.OK).isBoolean()) {
            throw badResponse("its answer has no boolean \"ok\"", answer, null);
        }
        if (response.get(IpcMessages.OK).booleanValue()) {
            if (!response.has(IpcMessages.RESULT)) {
                throw badResponse("its answer has \"ok\":true but no \"result\"", answer, null);
            }
            return response.get(IpcMessages.RESULT);
        }
        IpcErrorCode code = IpcErrorCode.fromWireName(response.path(IpcMessages.CODE).asText());
        String error = response.path(IpcMessages.ERROR).asText("heartbeat refused the request without saying why");
        IpcException.Kind kind = code == IpcErrorCode.DENIED ? IpcException.Kind.ACCESS_DENIED : IpcException.Kind.REFUSED;
        throw new IpcException(kind, code, error, null);
    }

    private IpcException badResponse(String problem, String answer, Throwable cause) {
        String quoted = answer.length() > QUOTED_GARBAGE ? answer.substring(0, QUOTED_GARBAGE) + "..." : answer;
        return new IpcException(IpcException.Kind.BAD_RESPONSE, null,
                "heartbeat on " + socket + " gave an invalid answer: " + problem
                        + (quoted.isEmpty() ? "" : ": " + quoted)
                        + "; is the daemon the same version as this tool?", cause);
    }
}
