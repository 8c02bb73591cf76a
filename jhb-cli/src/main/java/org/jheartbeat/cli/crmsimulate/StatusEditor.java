package org.jheartbeat.cli.crmsimulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CompactContent;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.policy.model.InstanceIds;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Changes the status section of a CIB copy the way the cluster would have: a node joining,
 * leaving or failing, an operation's result in a node's resource history, failcounts. What
 * crm_simulate injects and what its simulated transition did are both written this way, so
 * the scheduler reads them back like any other history. A node's resource history is changed
 * in its compact form ({@link CompactContent}), which crm_simulate parses it into; new entries
 * have their attributes in the order Pacemaker writes them.
 */
final class StatusEditor {

    /** OCF "not running": what a probe of a stopped resource is expected to return. */
    static final int NOT_RUNNING = 7;
    /** OCF "running promoted": what a monitor of a promoted instance is expected to return. */
    static final int RUNNING_PROMOTED = 8;
    private static final String ORIGIN = "crm_simulate";
    /** The attributes of a written operation result, in order; one array for all of them. */
    private static final String[] OP_ATTRIBUTES = {"id", "operation_key", "operation", "crm-debug-origin",
            "transition-key", "transition-magic", "exit-reason", "call-id", "rc-code", "op-status", "interval",
            "last-rc-change", "exec-time", "queue-time"};

    private final Document dom;
    private final long nowSeconds;
    /**
     * Each node's lrm_resource elements by id, made on first use: a transition of 50,000
     * probes would otherwise search the node's history once per result. Keyed by the
     * lrm_resources element, so a fenced node's history, removed and begun again, starts anew.
     */
    private final Map<CompactElement, Map<String, CompactElement>> historyIndex = new HashMap<>();

    /** Each node's node_state once found: a transition records every result on one. */
    private final Map<Node, Element> states = new HashMap<>();

    /** Whether anything was written: until then the CIB reads as it was parsed. */
    private boolean changed;

    StatusEditor(Document dom, long nowSeconds) {
        this.dom = dom;
        this.nowSeconds = nowSeconds;
    }

    boolean changed() {
        return changed;
    }

    void setQuorum(boolean quorum) {
        changed = true;
        dom.getDocumentElement().setAttribute("have-quorum", quorum ? "1" : "0");
    }

    /** The node has joined the cluster and its controller is a member. */
    void nodeUp(Node node) {
        changed = true;
        membership(nodeState(node), "true", "online", "member", "member");
    }

    /** The node left the cluster cleanly: nothing runs there and its transient attributes are gone. */
    void nodeDown(Node node) {
        changed = true;
        Element state = nodeState(node);
        membership(state, "false", "offline", "down", "down");
        removeChildren(state, "lrm");
        removeChildren(state, "transient_attributes");
    }

    /** The node vanished from the membership while it was expected up: it must be fenced. */
    void nodeFail(Node node) {
        changed = true;
        membership(nodeState(node), "false", "online", "member", "member");
    }

    private static void membership(Element state, String inCcm, String crmd, String join, String expected) {
        state.setAttribute("in_ccm", inCcm);
        state.setAttribute("crmd", crmd);
        state.setAttribute("join", join);
        state.setAttribute("expected", expected);
        state.setAttribute("crm-debug-origin", ORIGIN);
    }

    /**
     * Writes an operation's result into the node's history of {@code historyId} (the name the
     * node's executor knows the resource by). A failed result also counts a failure; the lines
     * name the failcount attributes changed for it.
     */
    List<String> recordOp(Node node, String historyId, Primitive rsc, String task, long intervalMs, int rc,
                          int expectedRc) {
        changed = true;
        CompactElement lrmResource = lrmResource(node, historyId, rsc);
        String key = historyId + "_" + task + "_" + intervalMs;
        boolean recurring = intervalMs > 0;
        int callId = nextCallId(lrmResource);
        String opId = recurring ? key : historyId + "_last_0";
        forgetSuperseded(lrmResource, key, "stop".equals(task) && rc == expectedRc);
        replaceOp(lrmResource, opId, key, task, intervalMs, rc, expectedRc, callId);
        if (!failed(task, intervalMs, rc, expectedRc)) {
            return List.of();
        }
        if (!recurring) {
            replaceOp(lrmResource, historyId + "_last_failure_0", key, task, intervalMs, rc, expectedRc, callId);
        }
        String attributeKey = historyId + "#" + task + "_" + intervalMs;
        List<String> lines = new ArrayList<>();
        String failures = "fail-count-" + attributeKey;
        String count = transientAttribute(node, failures);
        setTransientAttribute(node, failures, Score.format(Score.add(count == null ? 0 : Score.parse(count), 1)));
        lines.add("Injecting attribute " + failures + "=value++ into /node_state '" + node.id() + "'");
        String last = "last-failure-" + attributeKey;
        setTransientAttribute(node, last, Long.toString(nowSeconds));
        lines.add("Injecting attribute " + last + "=" + nowSeconds + " into /node_state '" + node.id() + "'");
        return lines;
    }

    /** A probe may find the resource running (promoted) or not; anything else than expected is a failure. */
    static boolean failed(String task, long intervalMs, int rc, int expectedRc) {
        boolean probe = "monitor".equals(task) && intervalMs == 0;
        return rc != expectedRc && !(probe && (rc == 0 || rc == NOT_RUNNING || rc == RUNNING_PROMOTED));
    }

    /**
     * Drops the entries a real node would have replaced: the pending entry of the operation
     * that now completed and, once the resource stopped, its recurring monitors (cancelled
     * by the stop), which would otherwise still tell of it running.
     */
    private static void forgetSuperseded(CompactElement lrmResource, String key, boolean stopped) {
        for (CompactElement old : lrmResource.elements("lrm_rsc_op")) {
            String oldKey = old.attribute("operation_key") != null ? old.attribute("operation_key") : attribute(old, "id");
            boolean pending = "-1".equals(attribute(old, "call-id").trim())
                    || "-1".equals(attribute(old, "op-status").trim());
            boolean pendingOfThis = pending && key.equals(oldKey);
            String interval = attribute(old, "interval").trim();
            boolean recurring = !interval.isEmpty() && !"0".equals(interval);
            if (pendingOfThis || stopped && recurring) {
                lrmResource.remove(old);
            }
        }
    }

    private void replaceOp(CompactElement lrmResource, String opId, String key, String task, long intervalMs, int rc,
                           int expectedRc, int callId) {
        for (CompactElement old : lrmResource.elements("lrm_rsc_op")) {
            if (opId.equals(old.attribute("id"))) {
                lrmResource.remove(old);
            }
        }
        String transitionKey = "0:-1:" + expectedRc + ":" + ORIGIN;
        lrmResource.append(new CompactElement("lrm_rsc_op", OP_ATTRIBUTES, new String[] {opId, key, task, ORIGIN,
            transitionKey, "0:" + rc + ";" + transitionKey, rc == expectedRc ? "" : "User-injected result",
            Integer.toString(callId), Integer.toString(rc), "0", Long.toString(intervalMs), Long.toString(nowSeconds),
            "0", "0"}, 0));
    }

    /** The attribute's value, "" when absent (as the DOM gives it). */
    private static String attribute(CompactElement element, String name) {
        String value = element.attribute(name);
        return value == null ? "" : value;
    }

    private static int nextCallId(CompactElement lrmResource) {
        int highest = 0;
        for (CompactElement op : lrmResource.elements("lrm_rsc_op")) {
            try {
                highest = Math.max(highest, Integer.parseInt(attribute(op, "call-id").trim()));
            } catch (NumberFormatException e) {
                // a pending or malformed call-id does not take part in the numbering
            }
        }
        return highest + 1;
    }

    private CompactElement lrmResource(Node node, String historyId, Primitive rsc) {
        Element state = nodeState(node);
        CompactContent history = CompactContent.hold(child(state, "lrm", node.id()));
        CompactElement resources = history.element("lrm_resources");
        if (resources == null) {
            resources = new CompactElement("lrm_resources");
            history.append(resources);
        }
        Map<String, CompactElement> known = historyIndex.computeIfAbsent(resources, r -> {
            Map<String, CompactElement> byId = new HashMap<>();
            for (CompactElement e : r.elements("lrm_resource")) {
                byId.putIfAbsent(attribute(e, "id"), e);
            }
            return byId;
        });
        CompactElement found = known.get(historyId);
        if (found != null) {
            return found;
        }
        CompactElement e = new CompactElement("lrm_resource");
        known.put(historyId, e);
        e.setAttribute("id", historyId);
        e.setAttribute("class", rsc.standard());
        if (rsc.provider() != null && !rsc.provider().isEmpty()) {
            e.setAttribute("provider", rsc.provider());
        }
        e.setAttribute("type", rsc.type());
        resources.append(e);
        return e;
    }

    private String transientAttribute(Node node, String name) {
        Element nvpair = transientNvpair(node, name);
        return nvpair == null ? null : nvpair.getAttribute("value");
    }

    private void setTransientAttribute(Node node, String name, String value) {
        Element nvpair = transientNvpair(node, name);
        if (nvpair == null) {
            Element set = child(child(nodeState(node), "transient_attributes", node.id()), "instance_attributes",
                    "status-" + node.id());
            nvpair = dom.createElement("nvpair");
            nvpair.setAttribute("id", "status-" + node.id() + "-" + name);
            nvpair.setAttribute("name", name);
            set.appendChild(nvpair);
        }
        nvpair.setAttribute("value", value);
    }

    private Element transientNvpair(Node node, String name) {
        for (Element attrs : children(nodeState(node), "transient_attributes")) {
            for (Element set : children(attrs, "instance_attributes")) {
                for (Element nvpair : children(set, "nvpair")) {
                    if (name.equals(nvpair.getAttribute("name"))) {
                        return nvpair;
                    }
                }
            }
        }
        return null;
    }

    /** The node's node_state, found by name or id, made when the status has none yet. */
    Element nodeState(Node node) {
        Element status = child(dom.getDocumentElement(), "status", null);
        Element known = states.get(node);
        if (known != null && known.getParentNode() == status) {
            return known;
        }
        Element found = findNodeState(status, node);
        states.put(node, found);
        return found;
    }

    private Element findNodeState(Element status, Node node) {
        for (Element state : children(status, "node_state")) {
            if (node.name().equals(state.getAttribute("uname"))
                    || !state.hasAttribute("uname") && node.id().equals(state.getAttribute("id"))) {
                return state;
            }
        }
        Element state = dom.createElement("node_state");
        state.setAttribute("id", node.id());
        state.setAttribute("uname", node.name());
        status.appendChild(state);
        return state;
    }

    /** The first child with that tag, made (with that id, when one is given) if there is none. */
    private Element child(Element parent, String tag, String id) {
        List<Element> found = children(parent, tag);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Element e = dom.createElement(tag);
        if (id != null) {
            e.setAttribute("id", id);
        }
        parent.appendChild(e);
        return e;
    }

    private static void removeChildren(Element parent, String tag) {
        for (Element e : children(parent, tag)) {
            parent.removeChild(e);
        }
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }
}
