package org.jheartbeat.cli.crmmon;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The operation records of the status section as crm_mon shows them: every node's
 * {@code lrm_rsc_op} with its resource, and which of them are failures (a result other than
 * the one its transition key expected, or an operation that did not complete).
 */
record OperationHistory(String node, String resource, String id, String task, long intervalMs, int rc,
        int expectedRc, int opStatus, long callId, long lastRcChange, long execMs, long queueMs, String exitReason) {

    static List<OperationHistory> of(CibDocument cib) {
        List<OperationHistory> all = new ArrayList<>();
        for (Element state : children(child(cib.root(), "status"), "node_state")) {
            String node = state.getAttribute("uname").isEmpty() ? state.getAttribute("id") : state.getAttribute("uname");
            for (Element resource : children(child(child(state, "lrm"), "lrm_resources"), "lrm_resource")) {
                for (Element op : children(resource, "lrm_rsc_op")) {
                    all.add(new OperationHistory(node, resource.getAttribute("id"), op.getAttribute("id"),
                            op.getAttribute("operation"), number(op, "interval"), (int) number(op, "rc-code"),
                            expected(op.getAttribute("transition-key")), (int) number(op, "op-status"),
                            number(op, "call-id"), number(op, "last-rc-change"), number(op, "exec-time"),
                            number(op, "queue-time"), op.getAttribute("exit-reason")));
                }
            }
        }
        return all;
    }

    /** A failure worth showing: the last failure of a one-shot operation, or a recurring one now failing. */
    boolean failed() {
        if (opStatus != 0) {
            return true;
        }
        boolean probe = "monitor".equals(task) && intervalMs == 0;
        if (probe) {
            return rc != 0 && rc != 7 && rc != 8;
        }
        return rc != expectedRc && (intervalMs > 0 || id.endsWith("_last_failure_0"));
    }

    String key() {
        return resource + "_" + task + "_" + intervalMs;
    }

    private static int expected(String transitionKey) {
        String[] parts = transitionKey.split(":");
        try {
            return parts.length >= 3 ? Integer.parseInt(parts[2]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long number(Element e, String attribute) {
        try {
            return Long.parseLong(e.getAttribute(attribute).trim());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static Element child(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }
}
