package org.jheartbeat.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibRequestExecutor;
import org.jheartbeat.cib.request.CibResult;
import org.jheartbeat.cib.service.CibService;
import org.jheartbeat.client.ipc.IpcErrorCode;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.daemon.ipc.IpcRequestException;
import org.jheartbeat.daemon.ipc.PeerCredentials;

/**
 * The {@code cib} request of the local socket: a cibadmin command run on this node's CIB. The
 * answer holds {@code result} ({@link CibResult}) or {@code failure} ({@code code}, {@code message})
 * so cibadmin exits as it would on a file. Queries read the current version; changes go through
 * the CIB loop and are answered once on disk.
 */
final class CibRequests {

    private final CibService cib;

    CibRequests(CibService cib) {
        this.cib = cib;
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
        return cib.change(document -> apply(document, request)).handle((changed, error) -> error == null
                ? result(new CibResult(null, changed.to().toString()))
                : failure(refusal(error)));
    }

    private static JsonNode answer(CibDocument document, CibRequest request) {
        try {
            return result(CibRequestExecutor.execute(document, request).result());
        } catch (CibRequestException e) {
            return failure(e);
        }
    }

    private static CibDocument apply(CibDocument document, CibRequest request) {
        try {
            return CibRequestExecutor.execute(document, request).after();
        } catch (CibRequestException e) {
            throw new CompletionException(e);
        }
    }

    private static CibRequestException refusal(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof CibRequestException refused ? refused
                : new CibRequestException(CibRequestException.Code.ERROR, cause.getMessage());
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
