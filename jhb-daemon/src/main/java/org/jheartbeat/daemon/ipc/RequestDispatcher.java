package org.jheartbeat.daemon.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.jheartbeat.client.ipc.IpcErrorCode;

/**
 * A {@link RequestHandler} that routes each request name to its own handler and answers
 * unknown names with the list of known ones.
 */
public final class RequestDispatcher implements RequestHandler {

    private final Map<String, BiFunction<JsonNode, PeerCredentials, CompletableFuture<JsonNode>>> routes = new TreeMap<>();

    /** Registers the handler of one request name; returns this for chaining. */
    public RequestDispatcher on(String request, BiFunction<JsonNode, PeerCredentials, CompletableFuture<JsonNode>> handler) {
        routes.put(request, handler);
        return this;
    }

    @Override
    public CompletableFuture<JsonNode> handle(String request, JsonNode body, PeerCredentials who) {
        var route = routes.get(request);
        if (route == null) {
            return CompletableFuture.failedFuture(new IpcRequestException(IpcErrorCode.UNKNOWN_REQUEST,
                    "unknown request '" + request + "'; this daemon knows: " + String.join(", ", routes.keySet())));
        }
        return route.apply(body, who);
    }
}
