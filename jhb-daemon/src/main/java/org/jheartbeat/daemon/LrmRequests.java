package org.jheartbeat.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.client.ipc.IpcErrorCode;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.daemon.ipc.IpcRequestException;
import org.jheartbeat.daemon.ipc.PeerCredentials;
import org.jheartbeat.lrm.AgentId;
import org.jheartbeat.lrm.HistoryXml;
import org.jheartbeat.lrm.LocalResourceManager;
import org.jheartbeat.lrm.OperationRecord;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;
import org.jheartbeat.lrm.ResourceHistory;
import org.w3c.dom.Document;

/**
 * The {@code lrm} request of the local socket, what lrmadmin asks: {@code add}, {@code delete},
 * {@code execute}, {@code cancel}, {@code list} and {@code history}, and {@code statistics}
 * (operations finished, lateness of recurring ones) for the benchmark. A malformed body is refused
 * with what is wrong and nothing changes.
 */
final class LrmRequests {

    private final LocalResourceManager lrm;
    private final String nodeName;

    LrmRequests(LocalResourceManager lrm, String nodeName) {
        this.lrm = lrm;
        this.nodeName = nodeName;
    }

    CompletableFuture<JsonNode> handle(JsonNode body, PeerCredentials who) {
        try {
            return dispatch(body).exceptionally(LrmRequests::refusal);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(badRequest(e.getMessage()));
        }
    }

    private CompletableFuture<JsonNode> dispatch(JsonNode body) {
        String action = body.path("action").asText("");
        switch (action) {
            case "add":
                ResourceDefinition definition = new ResourceDefinition(text(body, "id"),
                        AgentId.parse(text(body, "agent")), strings(body.path("parameters")));
                return lrm.register(definition).thenApply(done -> answer("added", definition.id()));
            case "delete":
                return lrm.unregister(text(body, "id")).thenApply(found -> answer("deleted", found));
            case "execute":
                OperationRequest operation = new OperationRequest(text(body, "operation"), number(body, "interval"),
                        number(body, "timeout"), Map.of(), strings(body.path("parameters")), null);
                return lrm.execute(text(body, "id"), operation).thenApply(LrmRequests::result);
            case "cancel":
                return lrm.cancel(text(body, "id"), text(body, "operation"), number(body, "interval"))
                        .thenApply(found -> answer("cancelled", found));
            case "list":
                return lrm.resources().thenApply(LrmRequests::definitions);
            case "history":
                return lrm.history().thenApply(this::histories);
            case "statistics":
                return lrm.statistics(body.path("reset").asBoolean(false))
                        .thenApply(statistics -> IpcMessages.MAPPER.valueToTree(statistics));
            default:
                throw new IllegalArgumentException("unknown lrm action '" + action
                        + "': use add, delete, execute, cancel, list, history or statistics");
        }
    }

    private static JsonNode answer(String field, Object value) {
        return IpcMessages.MAPPER.createObjectNode().set(field, IpcMessages.MAPPER.valueToTree(value));
    }

    private static JsonNode result(OperationResult result) {
        ObjectNode node = IpcMessages.MAPPER.createObjectNode();
        node.put("rc", result.rc());
        node.put("status", result.status().name());
        node.put("statusCode", result.status().code());
        node.put("exitReason", result.exitReason());
        node.put("output", result.output());
        node.put("execMillis", result.runtime().toMillis());
        return node;
    }

    private static JsonNode definitions(List<ResourceDefinition> all) {
        ArrayNode list = IpcMessages.MAPPER.createArrayNode();
        all.forEach(d -> list.add(definition(d)));
        return IpcMessages.MAPPER.createObjectNode().set("resources", list);
    }

    private static ObjectNode definition(ResourceDefinition d) {
        ObjectNode node = IpcMessages.MAPPER.createObjectNode();
        node.put("id", d.id());
        node.put("class", d.agent().standard());
        node.put("type", d.agent().type());
        node.put("provider", d.agent().provider());
        node.set("parameters", IpcMessages.MAPPER.valueToTree(d.parameters()));
        return node;
    }

    private JsonNode histories(List<ResourceHistory> all) {
        ArrayNode list = IpcMessages.MAPPER.createArrayNode();
        Document scratch = CibXml.newDocument();
        for (ResourceHistory history : all) {
            ObjectNode node = definition(history.definition());
            ArrayNode operations = node.putArray("operations");
            for (OperationRecord record : history.records()) {
                ObjectNode op = result(record.result()).deepCopy();
                op.put("callId", record.callId());
                op.put("operation", record.operation().action());
                op.put("interval", record.operation().intervalMs());
                op.put("timeout", record.operation().timeoutMs());
                op.put("started", record.result().started().toString());
                op.put("lastRcChange", record.lastRcChange().toString());
                op.put("queueMillis", record.queueMillis());
                operations.add(op);
            }
            node.put("xml", CibXml.toXml(HistoryXml.lrmResource(scratch, history, nodeName)));
            list.add(node);
        }
        return IpcMessages.MAPPER.createObjectNode().set("history", list);
    }

    private static JsonNode refusal(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof IllegalArgumentException) {
            throw new CompletionException(badRequest(cause.getMessage()));
        }
        throw error instanceof CompletionException ? (CompletionException) error : new CompletionException(error);
    }

    private static IpcRequestException badRequest(String message) {
        return new IpcRequestException(IpcErrorCode.BAD_REQUEST, message);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("the lrm request needs '" + field + "' (text)");
        }
        return value.asText();
    }

    private static long number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("the lrm request needs '" + field + "' (milliseconds, a whole number)");
        }
        return value.asLong();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        if (object.isMissingNode() || object.isNull()) {
            return values;
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException("parameters must be an object of names and text values");
        }
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
