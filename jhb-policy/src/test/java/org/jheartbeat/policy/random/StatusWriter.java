package org.jheartbeat.policy.random;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.random.CibShape.Agent;
import org.jheartbeat.policy.random.CibShape.ClusterNode;
import org.jheartbeat.policy.random.CibShape.CurrentRole;
import org.jheartbeat.policy.random.CibShape.Failure;
import org.jheartbeat.policy.random.CibShape.History;
import org.jheartbeat.policy.random.CibShape.NodeState;

/**
 * Writes the status section as a running cluster's controller would have recorded the drawn
 * history: node membership, operation records ({@code lrm_rsc_op}) with call ids and expected
 * results, and the transient attributes (fail counts, last failures, promotion scores).
 */
final class StatusWriter {

    private static final String GRAPH_UUID = "6d1f3a52-1c0e-4b6a-9f55-2b7e0c9d1a01";
    private static final int FAILED_MONITOR_RC = 7;
    /**
     * The digests Pacemaker records for the parameters of an operation on a resource without
     * instance attributes (as every generated resource is), one-time and recurring. Without
     * them, Pacemaker takes the definition as changed: it restarts every active resource and
     * clears the fail counts of recurring operations.
     */
    private static final String NO_PARAMETERS_DIGEST = "f2317cad3d54cec5d7d7aa7d0bf35cf8";
    private static final String NO_PARAMETERS_RECURRING_DIGEST = "4811cef7f7f94e3a35a70be7916cb2fd";

    private final CibShape shape;
    private final long now;

    StatusWriter(CibShape shape, long now) {
        this.shape = shape;
        this.now = now;
    }

    XmlElement status() {
        XmlElement status = new XmlElement("status");
        for (ClusterNode node : shape.nodes) {
            if (!node.state().hasHistory()) {
                continue;
            }
            XmlElement state = status.add("node_state", "id", node.id(), "uname", node.name());
            membership(state, node.state());
            NodeRecords records = new NodeRecords(node);
            for (History history : shape.histories) {
                if (history.node() == node) {
                    records.write(history);
                }
            }
            shape.promotionScores.getOrDefault(node, Map.of())
                    .forEach((name, score) -> records.attributes.put(name, String.valueOf(score)));
            if (!records.attributes.isEmpty()) {
                XmlElement set = state.add("transient_attributes", "id", node.id())
                        .add("instance_attributes", "id", "status-" + node.id());
                records.attributes.forEach((name, value) ->
                        set.add("nvpair", "id", "status-" + node.id() + "-" + name.replace('#', '.'), "name", name, "value", value));
            }
            XmlElement resources = state.add("lrm", "id", node.id()).add("lrm_resources");
            records.resources.values().forEach(resources::add);
        }
        return status;
    }

    private static void membership(XmlElement state, NodeState nodeState) {
        switch (nodeState) {
            case UNCLEAN -> state.set("in_ccm", "false", "crmd", "online", "join", "member", "expected", "member");
            case OFFLINE -> state.set("in_ccm", "false", "crmd", "offline", "join", "down", "expected", "down");
            default -> state.set("in_ccm", "true", "crmd", "online", "join", "member", "expected", "member");
        }
        state.set("crm-debug-origin", "do_update_resource");
    }

    /** One node's operation records and transient attributes, with its own call-id counter. */
    private final class NodeRecords {

        private final ClusterNode node;
        private final Map<String, XmlElement> resources = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private int callId;
        private int action;

        NodeRecords(ClusterNode node) {
            this.node = node;
        }

        void write(History history) {
            String id = history.historyId();
            Agent agent = history.primitive().agent();
            XmlElement resource = resources.computeIfAbsent(id, key -> {
                XmlElement element = new XmlElement("lrm_resource").set("id", id, "class", agent.standard);
                if (agent.provider != null) {
                    element.set("provider", agent.provider);
                }
                return element.set("type", agent.type);
            });
            List<XmlElement> ops = new ArrayList<>();
            Failure failure = history.failure();
            if (!history.running()) {
                if (failure == Failure.START) {
                    XmlElement start = op(id, "start", 0, 1, 0);
                    ops.add(named(start, id + "_last_0"));
                    ops.add(named(start.copy(), id + "_last_failure_0"));
                    failCount(id, "start_0", history.failCount());
                } else if (failure == Failure.RECOVERED) {
                    ops.add(named(op(id, "monitor", 10000, FAILED_MONITOR_RC, 0), id + "_last_failure_0"));
                    ops.add(named(op(id, "stop", 0, 0, 0), id + "_last_0"));
                    failCount(id, "monitor_10000", history.failCount());
                } else {
                    ops.add(named(op(id, "monitor", 0, 7, 7), id + "_last_0"));
                }
                ops.forEach(resource::add);
                return;
            }
            boolean promoted = history.role() == CurrentRole.PROMOTED;
            int interval = promoted ? 11000 : 10000;
            int monitorTarget = promoted ? 8 : 0;
            if (failure == Failure.RECOVERED) {
                ops.add(named(op(id, "monitor", interval, FAILED_MONITOR_RC, monitorTarget), id + "_last_failure_0"));
                failCount(id, "monitor_" + interval, history.failCount());
            }
            XmlElement last = op(id, "start", 0, 0, 0);
            if (promoted) {
                last = op(id, "promote", 0, 0, 0);
            }
            ops.add(named(last, id + "_last_0"));
            boolean monitorFails = failure == Failure.MONITOR;
            XmlElement monitor = op(id, "monitor", interval, monitorFails ? FAILED_MONITOR_RC : monitorTarget, monitorTarget);
            ops.add(named(monitor, id + "_monitor_" + interval));
            if (monitorFails) {
                ops.add(named(monitor.copy(), id + "_last_failure_0"));
                failCount(id, "monitor_" + interval, history.failCount());
            }
            if (failure == Failure.STOP) {
                XmlElement stop = op(id, "stop", 0, 1, 0);
                ops.set(ops.indexOf(last), named(stop, id + "_last_0"));
                ops.add(named(stop.copy(), id + "_last_failure_0"));
                failCount(id, "stop_0", history.failCount());
            }
            ops.forEach(resource::add);
        }

        private void failCount(String id, String operation, int count) {
            String value = count == HistoryDraw.INFINITE_FAILS ? "INFINITY" : String.valueOf(count);
            attributes.put("fail-count-" + id + "#" + operation, value);
            attributes.put("last-failure-" + id + "#" + operation, String.valueOf(now - 100));
        }

        /** An operation record; its call id follows the ones before it on this node. */
        private XmlElement op(String id, String operation, int intervalMs, int rc, int targetRc) {
            callId++;
            action++;
            String key = action + ":1:" + targetRc + ":" + GRAPH_UUID;
            return new XmlElement("lrm_rsc_op").set("id", "", "operation_key", id + "_" + operation + "_" + intervalMs,
                    "operation", operation, "crm-debug-origin", "do_update_resource", "crm_feature_set", "3.16.1",
                    "transition-key", key, "transition-magic", "0:" + rc + ";" + key, "exit-reason", "",
                    "on_node", node.name(), "call-id", String.valueOf(callId), "rc-code", String.valueOf(rc),
                    "op-status", "0", "interval", String.valueOf(intervalMs),
                    "last-rc-change", String.valueOf(now - 1000 + callId), "exec-time", "10", "queue-time", "0",
                    "op-digest", intervalMs == 0 ? NO_PARAMETERS_DIGEST : NO_PARAMETERS_RECURRING_DIGEST);
        }
    }

    private static XmlElement named(XmlElement op, String id) {
        return op.set("id", id);
    }
}
