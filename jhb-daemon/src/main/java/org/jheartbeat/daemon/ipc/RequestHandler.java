package org.jheartbeat.daemon.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * What the daemon does with a local request. Called on the server's connection threads,
 * which must not touch daemon state: an implementation posts the work onto the daemon's
 * event loop and completes the future from there. Completing exceptionally with an
 * {@link IpcRequestException} sends its code and message; any other exception is reported
 * as a failed request.
 */
@FunctionalInterface
public interface RequestHandler {

    /**
     * @param request the request name
     * @param body    the request body, an empty object when the client sent none
     * @param who     the peer, already allowed by the access policy
     * @return the {@code result} of the answer
     */
    CompletableFuture<JsonNode> handle(String request, JsonNode body, PeerCredentials who);
}
