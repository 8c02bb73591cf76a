package org.jheartbeat.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibRequestExecutor;
import org.jheartbeat.cib.request.CibResult;
import org.jheartbeat.cib.service.CibReplicator;
import org.jheartbeat.cib.service.CibService;
import org.jheartbeat.client.ipc.IpcErrorCode;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.daemon.ipc.IpcRequestException;
import org.jheartbeat.daemon.ipc.PeerCredentials;

/**
 * The {@code cib} request of the local socket: a cibadmin command run on this node's CIB. The
 * answer holds {@code result} ({@link CibResult}) or {@code failure} ({@code code}, {@code message})
 * so cibadmin exits as it would on a file. Queries read this node's copy; changes go to the DC
 * through the replicator and are answered once a majority of the members has them on disk.
 */
final class CibRequests {

    private final CibService cib;
    private final CibReplicator replicator;

    CibRequests(CibService cib, CibReplicator replicator) {
        this.cib = cib;
        this.replicator = replicator;
    }

    CompletableFuture<JsonNode> handle(JsonNode body, PeerCredentials who) {
        CibRequest request;
        try {
            request = IpcMessages.MAPPER.treeToValue(body, CibRequest.class);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(new IpcRequestException(IpcErrorCode.BAD_REQUEST,
                    "the body of a cib request must be a cibadmin command: " + e.getOriginalMessage()));
        }
        if (request.operation() == null) {
            return CompletableFuture.failedFuture(new IpcRequestException(IpcErrorCode.BAD_REQUEST,
                    "the cib request names no operation (QUERY, CREATE, MODIFY, ...)"));
        }
        if (request.operation().readOnly()) {
            return cib.query().thenApply(document -> answer(document, request));
        }
        return replicator.submit(request).handle((done, error) -> error == null ? result(done)
                : failure(CibRequestException.of(error)));
    }

    private static JsonNode answer(CibDocument document, CibRequest request) {
        try {
            return result(CibRequestExecutor.execute(document, request).result());
        } catch (CibRequestException e) {
            return failure(e);
        }
    }

    private static JsonNode result(CibResult result) {
        ObjectNode answer = IpcMessages.MAPPER.createObjectNode();
        answer.set("result", IpcMessages.MAPPER.valueToTree(result));
        return answer;
    }

    private static JsonNode failure(CibRequestException e) {
        ObjectNode answer = IpcMessages.MAPPER.createObjectNode();
        ObjectNode failure = answer.putObject("failure");
        failure.put("code", e.code().name());
        failure.put("message", e.getMessage());
        return answer;
    }
}
