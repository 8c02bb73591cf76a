package org.jheartbeat.cli.crmmon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jheartbeat.cli.clusterstatus.ClusterStatus;
import org.jheartbeat.cli.clusterstatus.OcfResults;
import org.jheartbeat.cli.clusterstatus.TextList;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;

/**
 * crm_mon's text view. The header is Heartbeat's, as operators of Heartbeat 2 know it (last
 * update, the DC with its node id, "N Nodes configured." and "M Resources configured.", one line
 * per node with its id and state); the resources, failed actions, failcounts and operations
 * follow in Pacemaker's current words.
 */
final class MonitorText {

    /** ctime's layout, as Pacemaker prints times. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    private static final String RULE = "============";

    private final MonitorView view;
    private final ZoneId zone;

    MonitorText(MonitorView view, ZoneId zone) {
        this.view = view;
        this.zone = zone;
    }

    String render(MonitorOptions options) {
        Cluster cluster = view.cluster();
        StringBuilder text = new StringBuilder();
        text.append(RULE).append('\n');
        text.append("Last updated: ").append(time(cluster.now().getEpochSecond())).append('\n');
        Node dc = view.dc();
        text.append("Current DC: ").append(dc == null ? "NONE" : dc.name() + " (" + dc.id() + ")"
                + (cluster.haveQuorum() ? " - partition with quorum" : " - partition WITHOUT quorum")).append('\n');
        text.append(cluster.nodes().size()).append(" Nodes configured.\n");
        text.append(view.configuredResources()).append(" Resources configured.\n");
        text.append(RULE).append("\n\n");
        ClusterStatus status = new ClusterStatus(cluster, false);
        for (Node node : view.sortedNodes()) {
            text.append("Node: ").append(node.name()).append(" (").append(node.id()).append("): ")
                    .append(status.nodeState(node)).append('\n');
            if (options.byNode()) {
                for (Primitive p : view.activeOn(node)) {
                    text.append("    ").append(p.id()).append("\t(").append(p.agent()).append("):\t ")
                            .append(p.active().get(node).text()).append('\n');
                }
            }
        }
        text.append('\n');
        if (!options.byNode()) {
            TextList resources = new TextList(false);
            status.printResources(resources, options.inactive());
            text.append(resources.text());
        }
        if (options.operations()) {
            operations(text);
        }
        if (options.failcounts()) {
            migrationSummary(text);
        }
        failedActions(text);
        return text.toString();
    }

    private void failedActions(StringBuilder text) {
        List<OperationHistory> failed = view.failures();
        if (failed.isEmpty()) {
            return;
        }
        text.append("\nFailed Resource Actions:\n");
        for (OperationHistory op : failed) {
            String what = op.resource() + " " + (op.intervalMs() > 0 ? readable(op.intervalMs()) + "-interval " : "")
                    + op.task() + " on " + op.node();
            String outcome = op.opStatus() == 0
                    ? " returned '" + OcfResults.text(op.rc()) + "'" + (op.exitReason().isEmpty() ? "" : " (" + op.exitReason() + ")")
                    : " could not be executed (" + opStatus(op.opStatus())
                            + (op.exitReason().isEmpty() ? "" : ": " + op.exitReason()) + ")";
            text.append("  * ").append(what).append(outcome).append(" at ").append(time(op.lastRcChange()))
                    .append(" after ").append(op.execMs()).append("ms\n");
        }
    }

    /** An interval as Pacemaker shortens it: 5s, 1m, 1m30s, 1h. */
    static String readable(long millis) {
        StringBuilder text = new StringBuilder();
        long seconds = millis / 1000;
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.length() == 0 && millis % 1000 == 0) {
            text.append(seconds % 60).append('s');
        }
        if (millis % 1000 > 0) {
            text.append(millis % 1000).append("ms");
        }
        return text.toString();
    }

    private void migrationSummary(StringBuilder text) {
        text.append("\nMigration Summary:\n");
        for (Node node : view.sortedNodes()) {
            Map<String, MonitorView.Failures> failures = view.failcounts(node);
            if (failures.isEmpty()) {
                continue;
            }
            text.append("  * Node: ").append(node.name()).append(":\n");
            failures.forEach((rsc, f) -> text.append("    * ").append(rsc).append(": migration-threshold=")
                    .append(view.migrationThreshold(rsc)).append(" fail-count=").append(Score.format(f.count()))
                    .append(" last-failure='").append(time(f.last())).append("'\n"));
        }
    }

    private void operations(StringBuilder text) {
        text.append("\nOperations:\n");
        Map<String, Map<String, List<OperationHistory>>> byNode = new TreeMap<>();
        for (OperationHistory op : view.history()) {
            byNode.computeIfAbsent(op.node(), n -> new TreeMap<>())
                    .computeIfAbsent(op.resource(), r -> new ArrayList<>()).add(op);
        }
        byNode.forEach((node, resources) -> {
            text.append("  * Node: ").append(node).append(":\n");
            resources.forEach((rsc, ops) -> {
                text.append("    * ").append(rsc).append(": migration-threshold=").append(view.migrationThreshold(rsc))
                        .append(":\n");
                ops.stream().filter(op -> !op.id().endsWith("_last_failure_0"))
                        .sorted((a, b) -> Long.compare(a.callId(), b.callId()))
                        .forEach(op -> text.append("      * (").append(op.callId()).append(") ").append(op.task())
                                .append(op.intervalMs() > 0 ? ": interval=\"" + op.intervalMs() + "ms\"" : "")
                                .append('\n'));
            });
        });
    }

    static String opStatus(int code) {
        return switch (code) {
            case 0 -> "complete";
            case 1 -> "Cancelled";
            case 2 -> "Timed Out";
            case 3 -> "NOT SUPPORTED";
            case 4 -> "Error";
            case 7 -> "Not installed";
            default -> "pending";
        };
    }

    private String time(long epochSecond) {
        return TIME.format(Instant.ofEpochSecond(epochSecond).atZone(zone));
    }
}
