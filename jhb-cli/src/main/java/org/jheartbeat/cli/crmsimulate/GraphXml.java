package org.jheartbeat.cli.crmsimulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jheartbeat.policy.graph.ActionAttributes;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.model.ClusterOptions;

/**
 * {@code --save-graph}: the transition as the controller is given it, in Pacemaker's
 * {@code <transition_graph>} form: one {@code <synapse>} per action of the graph, its action
 * ({@code rsc_op}, {@code pseudo_event} or {@code crm_event} for fencing) with the agent and
 * the {@code CRM_meta_*} attributes, and the actions it waits for as {@code <inputs>}.
 */
final class GraphXml {

    /** The CRM feature set Pacemaker 2.1.5 writes, which a controller checks it can run. */
    static final String FEATURE_SET = "3.16.1";

    private final Transition transition;
    private final StringBuilder xml = new StringBuilder();

    GraphXml(Transition transition) {
        this.transition = transition;
    }

    String write() {
        ClusterOptions options = transition.cluster().options();
        Map<String, String> root = new LinkedHashMap<>();
        root.put("cluster-delay", options.get("cluster-delay", "60s"));
        root.put("stonith-timeout", options.get("stonith-timeout", "60s"));
        root.put("failed-stop-offset", "INFINITY");
        root.put("failed-start-offset", options.startFailureIsFatal() ? "INFINITY" : "1");
        root.put("batch-limit", options.get("batch-limit", "0"));
        root.put("transition_id", "0");
        List<Action> graph = new ArrayList<>();
        for (Action a : transition.actions()) {
            if (TransitionRun.inGraph(a)) {
                graph.add(a);
            }
        }
        if (graph.isEmpty()) {
            tag(0, "transition_graph", root, true);
            return xml.toString();
        }
        tag(0, "transition_graph", root, false);
        int synapse = 0;
        for (Action a : graph) {
            tag(1, "synapse", Map.of("id", Integer.toString(synapse++)), false);
            tag(2, "action_set", Map.of(), false);
            action(3, a, true);
            close(2, "action_set");
            List<Action> inputs = a.graphInputs();
            if (inputs.isEmpty()) {
                tag(2, "inputs", Map.of(), true);
            } else {
                tag(2, "inputs", Map.of(), false);
                for (Action before : inputs) {
                    tag(3, "trigger", Map.of(), false);
                    action(4, before, false);
                    close(3, "trigger");
                }
                close(2, "inputs");
            }
            close(1, "synapse");
        }
        close(0, "transition_graph");
        return xml.toString();
    }

    /** An action element; in full with its details, or only its identity where it is an input. */
    private void action(int depth, Action a, boolean full) {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("id", Integer.toString(a.id()));
        if (ActionAttributes.isFencing(a) || ActionAttributes.isShutdown(a)) {
            String how = ActionAttributes.isFencing(a) ? a.task().substring("stonith-".length()) : null;
            identity.put("operation", how != null ? "stonith" : a.task());
            identity.put("operation_key", how != null ? "stonith-" + a.node().name() + "-" + how
                    : a.task() + "-" + a.node().name());
            node(identity, a);
            if (!full) {
                tag(depth, "crm_event", identity, true);
                return;
            }
            tag(depth, "crm_event", identity, false);
            Map<String, String> attributes = new TreeMap<>();
            onNode(attributes, a);
            if (how != null) {
                attributes.put("CRM_meta_stonith_action", how);
            } else {
                attributes.put("CRM_meta_op_no_wait", "true");
            }
            attributes.put("crm_feature_set", FEATURE_SET);
            tag(depth + 1, "attributes", attributes, true);
            tag(depth + 1, "downed", Map.of(), false);
            tag(depth + 2, "node", Map.of("id", a.node().id()), true);
            close(depth + 1, "downed");
            close(depth, "crm_event");
            return;
        }
        // a resource's blocked action that no node takes is still an operation (an input only)
        boolean pseudo = a.pseudo() || a.primitive() == null || a.node() == null && a.runnable();
        String element = pseudo ? "pseudo_event" : "rsc_op";
        identity.put("operation", a.operation());
        identity.put("operation_key", a.key());
        if (!pseudo && a.node() != null) {
            node(identity, a);
        }
        if (!full) {
            tag(depth, element, identity, true);
            return;
        }
        tag(depth, element, identity, false);
        Map<String, String> attributes = new TreeMap<>();
        if (pseudo) {
            attributes.put("CRM_meta_timeout", Long.toString(ActionAttributes.DEFAULT_TIMEOUT_MS));
        } else {
            tag(depth + 1, "primitive", ActionAttributes.agent(a.primitive()), true);
            attributes.putAll(ActionAttributes.of(transition, a));
        }
        attributes.put("crm_feature_set", FEATURE_SET);
        tag(depth + 1, "attributes", attributes, true);
        close(depth, element);
    }

    private static void node(Map<String, String> attributes, Action a) {
        attributes.put("on_node", a.node().name());
        attributes.put("on_node_uuid", a.node().id());
    }

    private static void onNode(Map<String, String> attributes, Action a) {
        attributes.put("CRM_meta_on_node", a.node().name());
        attributes.put("CRM_meta_on_node_uuid", a.node().id());
    }

    private void tag(int depth, String name, Map<String, String> attributes, boolean empty) {
        xml.append("  ".repeat(depth)).append('<').append(name);
        attributes.forEach((k, v) -> xml.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        xml.append(empty ? "/>\n" : ">\n");
    }

    private void close(int depth, String name) {
        xml.append("  ".repeat(depth)).append("</").append(name).append(">\n");
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
