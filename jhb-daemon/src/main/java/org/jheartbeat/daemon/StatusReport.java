package org.jheartbeat.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.MembershipView;
import org.jheartbeat.client.status.NodeView;
import org.jheartbeat.messaging.MessagingSnapshot;
import org.jheartbeat.messaging.config.CrmMode;
import org.jheartbeat.messaging.config.HaConfig;
import org.jheartbeat.messaging.ping.PingMonitor;

/** Turns the messaging layer's snapshot and ha.cf into what {@code cl_status} reads. */
final class StatusReport {

    static final String VERSION = "jheartbeat 0.1.0";
    private static final int NODE_WEIGHT = 100;

    private StatusReport() {
    }

    static HeartbeatView of(HaConfig config, MessagingSnapshot snapshot, PingMonitor pings) {
        Map<String, Boolean> pingNodes = pings.status();
        List<NodeView> nodes = new ArrayList<>();
        for (MessagingSnapshot.Node node : snapshot.nodes()) {
            Map<String, String> links = new LinkedHashMap<>();
            node.links().forEach((link, up) -> links.put(link, up ? "up" : "dead"));
            nodes.add(new NodeView(node.name(), "normal", node.status().word(), links, NODE_WEIGHT));
        }
        pingNodes.forEach((name, up) -> nodes.add(new NodeView(name, "ping", up ? "ping" : "dead",
                Map.of(name, up ? "up" : "dead"), NODE_WEIGHT)));
        MembershipView membership = new MembershipView(snapshot.view().number(),
                List.copyOf(snapshot.view().members()), snapshot.view().quorum(), snapshot.view().dc());
        String managedBy = config.crm() == CrmMode.OFF ? "haresources" : "crm";
        return new HeartbeatView(VERSION, snapshot.localNode(), managedBy, snapshot.commUp(), nodes,
                config.hbParameters(), "none", Map.of(), membership,
                Map.of(PingMonitor.ATTRIBUTE, Integer.toString(pings.reachable())));
    }
}
