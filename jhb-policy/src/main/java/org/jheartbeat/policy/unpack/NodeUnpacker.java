package org.jheartbeat.policy.unpack;

import java.time.LocalDateTime;
import java.util.Map;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.w3c.dom.Element;

/**
 * Reads {@code <nodes>} and each node's {@code node_state}: online, pending, unclean (to be
 * fenced, and why), standby, maintenance and shutdown, and the node attributes.
 */
final class NodeUnpacker {

    private final NvSets sets;
    private final LocalDateTime now;

    NodeUnpacker(NvSets sets, LocalDateTime now) {
        this.sets = sets;
        this.now = now;
    }

    void unpackNodes(Element nodesSection, Cluster cluster) {
        for (Element e : Xml.children(nodesSection, "node")) {
            String uname = Xml.attr(e, "uname", Xml.attr(e, "id"));
            String type = Xml.attr(e, "type", "member");
            if ("normal".equals(type)) {
                type = "member";
            }
            Node node = new Node(Xml.attr(e, "id", uname), uname, type);
            Map<String, String> attrs = node.attributes();
            attrs.put("#uname", uname);
            attrs.put("#id", node.id());
            attrs.put("#kind", "remote".equals(type) ? "remote" : "cluster");
            sets.addTo(attrs, e, "instance_attributes", RuleContext.ofNode(attrs, now));
            for (Map.Entry<String, String> u : sets.read(e, "utilization", RuleContext.ofNode(attrs, now)).entrySet()) {
                node.utilization().put(u.getKey(), MetaValues.integer(u.getValue(), 0));
            }
            if (cluster.options().stonithEnabled() && cluster.options().startupFencing()) {
                node.markUnclean("node is unclean");
            }
            cluster.addNode(node);
        }
    }

    void unpackNodeState(Element state, Node node, Cluster cluster) {
        Element transientAttrs = Xml.child(state, "transient_attributes");
        if (transientAttrs != null) {
            Map<String, String> fresh = sets.read(transientAttrs, "instance_attributes", RuleContext.ofNode(node.attributes(), now));
            node.attributes().putAll(fresh);
        }
        node.attributes().put("#is_dc", String.valueOf(node.id().equals(cluster.dcUuid())));
        Map<String, String> a = node.attributes();
        node.setStandby(MetaValues.bool(a.get("standby"), false));
        node.setMaintenance(MetaValues.bool(a.get("maintenance"), false));
        String shutdown = a.get("shutdown");
        node.setShutdown(shutdown != null && !shutdown.isEmpty() && !"0".equals(shutdown));
        node.clearUnclean();
        if (cluster.options().stonithEnabled()) {
            statusWithFencing(state, node);
        } else {
            statusWithoutFencing(state, node);
        }
    }

    private static boolean inCluster(String value) {
        if (value == null) {
            return false;
        }
        return MetaValues.bool(value, false) || value.matches("[1-9]\\d*");
    }

    private static boolean processOnline(String crmd) {
        return crmd != null && ("online".equals(crmd) || crmd.matches("[1-9]\\d*"));
    }

    private void statusWithFencing(Element state, Node node) {
        String join = Xml.attr(state, "join");
        String inCcm = Xml.attr(state, "in_ccm");
        String expected = Xml.attr(state, "expected", "down");
        boolean crmdOnline = processOnline(Xml.attr(state, "crmd"));
        boolean inCluster = inCluster(inCcm);
        String terminate = node.attributes().get("terminate");
        boolean terminating = MetaValues.bool(terminate, false)
                || (terminate != null && terminate.matches("[1-9]\\d*"));
        if (node.shutdown()) {
            node.setOnline(inCluster);
        } else if (inCcm == null) {
            node.markUnclean("peer has not been seen by the cluster");
        } else if ("banned".equals(join) || "nack".equals(join)) { // the controller refused its join
            node.markUnclean("peer failed Pacemaker membership criteria");
        } else if (!terminating && "down".equals(expected)) {
            if (inCluster || crmdOnline) {
                node.setPending(true);
            }
        } else if (terminating && "down".equals(join) && !inCluster && !crmdOnline) {
            node.setOnline(false);
        } else if (!inCluster) {
            node.markUnclean("peer is no longer part of the cluster");
        } else if (!crmdOnline) {
            node.markUnclean("peer process is no longer available");
        } else if (terminating) {
            node.markUnclean("termination was requested");
        } else if ("member".equals(join)) {
            node.setOnline(true);
        } else if ("pending".equals(join) || "down".equals(join)) {
            node.setPending(true);
        } else {
            node.markUnclean("peer was in an unknown state");
        }
    }

    private void statusWithoutFencing(Element state, Node node) {
        String join = Xml.attr(state, "join");
        boolean inCluster = inCluster(Xml.attr(state, "in_ccm"));
        boolean crmdOnline = processOnline(Xml.attr(state, "crmd"));
        if (inCluster && crmdOnline) {
            if (join == null || "member".equals(join)) {
                node.setOnline(true);
            } else if ("pending".equals(join) || "down".equals(join)) {
                node.setPending(true);
            }
        }
    }
}
