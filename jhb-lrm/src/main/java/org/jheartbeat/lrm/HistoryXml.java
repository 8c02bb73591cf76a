package org.jheartbeat.lrm;

import org.jheartbeat.lrm.agent.AgentEnvironment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A resource's history in the shape of the CIB status section (lrm_resource with its
 * lrm_rsc_op records), so the scheduler and crm_mon read what the LRM did.
 */
public final class HistoryXml {

    private HistoryXml() {
    }

    public static Element lrmResource(Document document, ResourceHistory history, String nodeName) {
        ResourceDefinition definition = history.definition();
        Element resource = document.createElement("lrm_resource");
        resource.setAttribute("id", definition.id());
        resource.setAttribute("type", definition.agent().type());
        resource.setAttribute("class", definition.agent().standard());
        if (definition.agent().provider() != null) {
            resource.setAttribute("provider", definition.agent().provider());
        }
        if (history.last() != null) {
            resource.appendChild(operation(document, "_last_0", definition.id(), history.last(), nodeName));
        }
        if (history.lastFailure() != null) {
            resource.appendChild(operation(document, "_last_failure_0", definition.id(),
                    history.lastFailure(), nodeName));
        }
        history.recurring().values().stream()
                .sorted((a, b) -> Long.compare(a.callId(), b.callId()))
                .forEach(record -> resource.appendChild(
                        operation(document, null, definition.id(), record, nodeName)));
        return resource;
    }

    /** One lrm_rsc_op; its id is the resource's plus the suffix, or the operation key when the suffix is null. */
    private static Element operation(Document document, String suffix, String resourceId, OperationRecord record,
            String nodeName) {
        OperationRequest op = record.operation();
        String key = op.key(resourceId);
        OperationResult result = record.result();
        Element e = document.createElement("lrm_rsc_op");
        e.setAttribute("id", suffix == null ? key : resourceId + suffix);
        e.setAttribute("operation_key", key);
        e.setAttribute("operation", op.action());
        e.setAttribute("crm-debug-origin", "do_update_resource");
        e.setAttribute("crm_feature_set", AgentEnvironment.FEATURE_SET);
        if (op.transitionKey() != null) {
            e.setAttribute("transition-key", op.transitionKey());
            e.setAttribute("transition-magic", result.status().code() + ":" + result.rc() + ";" + op.transitionKey());
        }
        e.setAttribute("exit-reason", result.exitReason() == null ? "" : result.exitReason());
        e.setAttribute("on_node", nodeName);
        e.setAttribute("call-id", Long.toString(record.callId()));
        e.setAttribute("rc-code", Integer.toString(result.rc()));
        e.setAttribute("op-status", Integer.toString(result.status().code()));
        e.setAttribute("interval", Long.toString(op.intervalMs()));
        e.setAttribute("last-rc-change", Long.toString(record.lastRcChange().getEpochSecond()));
        e.setAttribute("exec-time", Long.toString(result.runtime().toMillis()));
        e.setAttribute("queue-time", Long.toString(record.queueMillis()));
        e.setAttribute("op-digest", record.parameterDigest());
        return e;
    }
}
