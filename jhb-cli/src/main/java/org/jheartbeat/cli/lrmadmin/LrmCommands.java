package org.jheartbeat.cli.lrmadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jheartbeat.cli.clusterstatus.OcfResults;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.ipc.IpcMessages;

/** lrmadmin's commands, each one lrm request to the daemon and its answer printed as Heartbeat's tool did. */
final class LrmCommands {

    /** Long enough for a slow agent's start; the operation's own timeout is the daemon's to enforce. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final Set<String> TARGETS = Set.of("EVERYTIME", "CHANGED");

    private final IpcClient client;
    private final PrintWriter out;

    LrmCommands(IpcClient client, PrintWriter out) {
        this.client = client;
        this.out = out;
    }

    int add(List<String> args) throws IpcException {
        String provider = "NULL".equals(args.get(3)) ? null : args.get(3);
        ObjectNode body = body("add").put("id", args.get(0))
                .put("agent", args.get(1) + ":" + (provider == null ? "" : provider + ":") + args.get(2));
        body.set("parameters", parameters(args.subList(4, args.size())));
        call(body);
        out.println("Succeeded in adding this resource.");
        return 0;
    }

    int delete(String id) throws IpcException {
        if (!call(body("delete").put("id", id)).path("deleted").asBoolean()) {
            return noSuchResource(id);
        }
        out.println("Succeeded in deleting this resource.");
        return 0;
    }

    int execute(List<String> args) throws IpcException {
        String target = args.get(4);
        if (!TARGETS.contains(target) && !target.matches("\\d+")) {
            throw new IllegalArgumentException("target_rc '" + target + "' must be a number, EVERYTIME or CHANGED");
        }
        ObjectNode body = body("execute").put("id", args.get(0)).put("operation", args.get(1))
                .put("timeout", millis("timeout", args.get(2))).put("interval", millis("interval", args.get(3)));
        body.set("parameters", parameters(args.subList(5, args.size())));
        JsonNode result = call(body);
        int rc = result.path("rc").asInt();
        out.println("operation '" + args.get(1) + "' on " + args.get(0) + ": rc=" + rc + " ("
                + OcfResults.text(rc) + "), op_status=" + result.path("statusCode").asInt() + " ("
                + result.path("status").asText() + "), " + result.path("execMillis").asLong() + " ms");
        if (result.hasNonNull("exitReason")) {
            out.println("exit reason: " + result.get("exitReason").asText());
        }
        String output = result.path("output").asText("");
        if (!output.isBlank()) {
            out.println("output:");
            output.lines().forEach(line -> out.println("  " + line));
        }
        return rc;
    }

    int cancel(List<String> args) throws IpcException {
        JsonNode answer = call(body("cancel").put("id", args.get(0))
                .put("operation", args.get(1)).put("interval", millis("interval", args.get(2))));
        if (!answer.path("cancelled").asBoolean()) {
            out.println("No recurring " + args.get(1) + " every " + args.get(2) + " ms on " + args.get(0)
                    + " (lrmadmin -I " + args.get(0) + " shows its operations).");
            return 1;
        }
        out.println("Succeeded in cancelling this operation.");
        return 0;
    }

    int list() throws IpcException {
        JsonNode resources = call(body("list")).path("resources");
        if (resources.isEmpty()) {
            out.println("Currently no resources are managed by LRM.");
            return 0;
        }
        resources.forEach(r -> out.println(r.path("id").asText() + " " + agent(r)));
        return 0;
    }

    int information(String id) throws IpcException {
        for (JsonNode resource : call(body("history")).path("history")) {
            if (resource.path("id").asText().equals(id)) {
                printInformation(resource);
                return 0;
            }
        }
        return noSuchResource(id);
    }

    private int noSuchResource(String id) {
        out.println("Resource " + id + " does not exist (lrmadmin -L lists the resources here).");
        return 1;
    }

    private void printInformation(JsonNode resource) {
        out.println("Resource ID:" + resource.path("id").asText());
        out.println("Resource agent class:" + resource.path("class").asText());
        out.println("Resource agent type:" + resource.path("type").asText());
        out.println("Resource agent provider:" + resource.path("provider").asText("NULL"));
        StringBuilder params = new StringBuilder();
        resource.path("parameters").fields().forEachRemaining(e ->
                params.append(params.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue().asText()));
        out.println("Resource agent parameters:" + params);
        JsonNode operations = resource.path("operations");
        out.println("The resource " + operations.size() + " operations' information:");
        for (JsonNode op : operations) {
            int rc = op.path("rc").asInt();
            out.println("   operation '" + op.path("operation").asText() + "' [call_id=" + op.path("callId").asLong() + "]:");
            out.println("      interval=" + op.path("interval").asLong() + ", timeout=" + op.path("timeout").asLong());
            out.println("      rc=" + rc + " (" + OcfResults.text(rc) + "), op_status=" + op.path("statusCode").asInt()
                    + " (" + op.path("status").asText() + ")"
                    + (op.hasNonNull("exitReason") ? ", exit reason: " + op.get("exitReason").asText() : ""));
            out.println("      run at: " + op.path("started").asText() + "      last rc change at: "
                    + op.path("lastRcChange").asText() + "      queue time: " + op.path("queueMillis").asLong()
                    + "ms, exec time: " + op.path("execMillis").asLong() + "ms");
        }
    }

    private static String agent(JsonNode r) {
        return r.path("class").asText() + (r.hasNonNull("provider") ? ":" + r.get("provider").asText() : "") + ":"
                + r.path("type").asText();
    }

    private static ObjectNode parameters(List<String> words) {
        ObjectNode parameters = IpcMessages.MAPPER.createObjectNode();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + word + "' must be written NAME=VALUE");
            }
            parameters.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return parameters;
    }

    private static long millis(String what, String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the field's name
        }
        throw new IllegalArgumentException(what + " '" + text + "' must be a whole number of milliseconds, 0 or more");
    }

    private static ObjectNode body(String action) {
        return IpcMessages.MAPPER.createObjectNode().put("action", action);
    }

    private JsonNode call(ObjectNode body) throws IpcException {
        return client.call(IpcMessages.LRM, body);
    }
}
