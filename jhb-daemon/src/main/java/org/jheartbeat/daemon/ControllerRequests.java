package org.jheartbeat.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.client.ipc.IpcErrorCode;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.controller.Controller;
import org.jheartbeat.daemon.ipc.IpcRequestException;
import org.jheartbeat.daemon.ipc.PeerCredentials;

/**
 * The {@code crmd} request of the local socket, what crm_resource asks of the controller:
 * {@code cleanup} of a resource (its history and failures forgotten, then probed again) on
 * one node or all. Refused when this node runs no controller (ha.cf: crm off).
 */
final class ControllerRequests {

    private final Controller controller;

    ControllerRequests(Controller controller) {
        this.controller = controller;
    }

    CompletableFuture<JsonNode> handle(JsonNode body, PeerCredentials who) {
        if (controller == null) {
            return CompletableFuture.failedFuture(new IpcRequestException(IpcErrorCode.FAILED,
                    "this node runs no cluster resource manager (ha.cf: crm off): set crm on and restart heartbeat"));
        }
        String action = body.path("action").asText("");
        if (!"cleanup".equals(action)) {
            return CompletableFuture.failedFuture(new IpcRequestException(IpcErrorCode.BAD_REQUEST,
                    "the crmd request knows the action 'cleanup', not '" + action + "'"));
        }
        String resource = body.path("rsc").asText("");
        if (resource.isBlank()) {
            return CompletableFuture.failedFuture(new IpcRequestException(IpcErrorCode.BAD_REQUEST,
                    "the crmd cleanup needs 'rsc' (a resource id)"));
        }
        String node = body.path("node").isTextual() ? body.path("node").asText() : null;
        return controller.cleanup(resource, node)
                .<JsonNode>thenApply(dc -> IpcMessages.MAPPER.createObjectNode().put("dc", dc))
                .exceptionally(error -> {
                    throw new IpcRequestException(IpcErrorCode.FAILED, error.getCause() != null
                            ? error.getCause().getMessage() : error.getMessage());
                });
    }
}
