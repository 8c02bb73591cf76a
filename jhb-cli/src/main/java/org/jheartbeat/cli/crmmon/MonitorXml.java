package org.jheartbeat.cli.crmmon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.clusterstatus.OcfResults;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Group;
import org.jheartbeat.policy.model.InstanceIds;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;

/**
 * {@code crm_mon --output-as=xml}: Pacemaker's {@code <pacemaker-result>} document with the
 * summary, the nodes, every resource (groups and clones with their members) with its role and
 * the nodes it runs on, and the failed operations, in the element and attribute names scripts
 * written for Pacemaker read.
 */
final class MonitorXml {

    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final MonitorView view;
    private final ZoneId zone;
    private final StringBuilder xml = new StringBuilder();

    MonitorXml(MonitorView view, ZoneId zone) {
        this.view = view;
        this.zone = zone;
    }

    String render(String request) {
        Cluster cluster = view.cluster();
        xml.append("<?xml version=\"1.0\"?>\n");
        open(0, "pacemaker-result", attrs("api-version", "2.25", "request", request));
        open(1, "summary", Map.of());
        empty(2, "stack", attrs("type", "heartbeat"));
        Node dc = view.dc();
        if (dc == null) {
            empty(2, "current_dc", attrs("present", "false"));
        } else {
            empty(2, "current_dc", attrs("present", "true", "version", "jheartbeat", "name", dc.name(), "id", dc.id(),
                    "with_quorum", bool(cluster.haveQuorum())));
        }
        empty(2, "last_update", attrs("time", MonitorText.TIME.format(cluster.now().atZone(zone))));
        empty(2, "nodes_configured", attrs("number", Integer.toString(cluster.nodes().size())));
        empty(2, "resources_configured", attrs("number", Long.toString(view.configuredInstances()),
                "disabled", Long.toString(view.disabledInstances()), "blocked", Long.toString(view.blockedInstances())));
        empty(2, "cluster_options", attrs("stonith-enabled", bool(cluster.options().stonithEnabled()),
                "symmetric-cluster", bool(cluster.options().symmetric()),
                "no-quorum-policy", cluster.options().noQuorumPolicy(),
                "maintenance-mode", bool(cluster.options().maintenanceMode())));
        close(1, "summary");
        open(1, "nodes", Map.of());
        for (Node node : view.sortedNodes()) {
            empty(2, "node", attrs("name", node.name(), "id", node.id(), "online", bool(node.online()),
                    "standby", bool(node.standby()), "standby_onfail", bool(node.standbyOnFail()),
                    "maintenance", bool(node.maintenance()), "pending", bool(node.pending()),
                    "unclean", bool(node.unclean()), "shutdown", bool(node.shutdown()),
                    "is_dc", bool(node == dc), "resources_running", Integer.toString(view.activeOn(node).size()),
                    "type", node.type() == null ? "member" : node.type()));
        }
        close(1, "nodes");
        open(1, "resources", Map.of());
        for (Resource r : cluster.resources().values()) {
            resource(2, r);
        }
        close(1, "resources");
        List<OperationHistory> failures = view.failures();
        if (!failures.isEmpty()) {
            open(1, "failures", Map.of());
            for (OperationHistory op : failures) {
                empty(2, "failure", attrs("op_key", op.key(), "node", op.node(), "exitstatus", OcfResults.text(op.rc()),
                        "exitreason", op.exitReason(), "exitcode", Integer.toString(op.rc()),
                        "call", Long.toString(op.callId()), "status", MonitorText.opStatus(op.opStatus()),
                        "last-rc-change", ISO_TIME.format(Instant.ofEpochSecond(op.lastRcChange())),
                        "queued", Long.toString(op.queueMs()), "exec", Long.toString(op.execMs()),
                        "interval", Long.toString(op.intervalMs()), "task", op.task()));
            }
            close(1, "failures");
        }
        empty(1, "status", attrs("code", "0", "message", "OK"));
        close(0, "pacemaker-result");
        return xml.toString();
    }

    private void resource(int depth, Resource r) {
        if (r instanceof Primitive p) {
            primitive(depth, p);
        } else if (r instanceof Group g) {
            open(depth, "group", attrs("id", g.id(), "number_resources", Integer.toString(g.children().size()),
                    "managed", bool(g.managed()), "disabled", bool(g.targetRole() == Role.STOPPED)));
            for (Primitive member : g.children()) {
                primitive(depth + 1, member);
            }
            close(depth, "group");
        } else if (r instanceof Clone c) {
            open(depth, "clone", attrs("id", c.id(), "multi_state", bool(c.promotable()), "unique", bool(c.globallyUnique()),
                    "managed", bool(c.managed()), "disabled", bool(c.targetRole() == Role.STOPPED)));
            for (Resource instance : c.children()) {
                resource(depth + 1, instance);
            }
            close(depth, "clone");
        }
    }

    private void primitive(int depth, Primitive p) {
        Map<Node, Role> active = p.active();
        Role role = active.isEmpty() ? Role.STOPPED : active.values().iterator().next();
        Map<String, String> a = attrs("id", InstanceIds.shownId(p), "resource_agent", p.agent(), "role", role.text());
        if (p.meta("target-role") != null) {
            a.put("target_role", p.meta("target-role"));
        }
        a.putAll(attrs("active", bool(!active.isEmpty()), "orphaned", bool(p.orphan()), "blocked", bool(p.blocked()),
                "managed", bool(p.managed()), "failed", bool(p.failed()), "failure_ignored", bool(p.failureIgnored()),
                "nodes_running_on", Integer.toString(active.size())));
        if (active.isEmpty()) {
            empty(depth, "resource", a);
            return;
        }
        open(depth, "resource", a);
        for (Node node : active.keySet()) {
            empty(depth + 1, "node", attrs("name", node.name(), "id", node.id(), "cached", "true"));
        }
        close(depth, "resource");
    }

    private static Map<String, String> attrs(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return map;
    }

    private static String bool(boolean value) {
        return Boolean.toString(value);
    }

    private void open(int depth, String tag, Map<String, String> attributes) {
        tag(depth, tag, attributes, ">");
    }

    private void empty(int depth, String tag, Map<String, String> attributes) {
        tag(depth, tag, attributes, "/>");
    }

    private void tag(int depth, String tag, Map<String, String> attributes, String end) {
        xml.append("  ".repeat(depth)).append('<').append(tag);
        attributes.forEach((k, v) -> xml.append(' ').append(k).append("=\"").append(CibXml.escapeAttribute(v)).append('"'));
        xml.append(end).append('\n');
    }

    private void close(int depth, String tag) {
        xml.append("  ".repeat(depth)).append("</").append(tag).append(">\n");
    }
}
