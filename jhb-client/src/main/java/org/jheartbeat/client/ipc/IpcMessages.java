package org.jheartbeat.client.ipc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local IPC protocol: one JSON object per line over a Unix-domain stream socket.
 *
 * <pre>
 * request:  {"request":"status","body":{...}}          body optional
 * answer:   {"ok":true,"result":...}
 *           {"ok":false,"error":"what went wrong and what to do","code":"bad-request"}
 * </pre>
 *
 * A connection may carry several requests, answered in order.
 */
public final class IpcMessages {

    /** Longest request line the daemon reads, in bytes; large enough for a whole CIB. */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** Longest answer line a client reads, in bytes. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    public static final String REQUEST = "request";
    public static final String BODY = "body";
    public static final String OK = "ok";
    public static final String RESULT = "result";
    public static final String ERROR = "error";
    public static final String CODE = "code";

    /** The status request: no body, answers a {@link org.jheartbeat.client.status.HeartbeatView}. */
    public static final String STATUS = "status";
    /** A cibadmin command on the node's CIB. */
    public static final String CIB = "cib";
    /** An lrmadmin command on the node's local resource manager. */
    public static final String LRM = "lrm";
    /** A crm_resource command for the cluster's controller (cleanup). */
    public static final String CONTROLLER = "crmd";

    /** Shared by both ends; unknown fields are ignored so newer daemons can add some. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private IpcMessages() {
    }

    public static ObjectNode request(String name, JsonNode body) {
        ObjectNode request = MAPPER.createObjectNode().put(REQUEST, name);
        if (body != null && !body.isNull() && !body.isMissingNode()) {
            request.set(BODY, body);
        }
        return request;
    }

    public static ObjectNode success(JsonNode result) {
        ObjectNode answer = MAPPER.createObjectNode().put(OK, true);
        answer.set(RESULT, result == null ? MAPPER.nullNode() : result);
        return answer;
    }

    public static ObjectNode failure(IpcErrorCode code, String error) {
        return MAPPER.createObjectNode().put(OK, false).put(ERROR, error).put(CODE, code.wireName());
    }
}
