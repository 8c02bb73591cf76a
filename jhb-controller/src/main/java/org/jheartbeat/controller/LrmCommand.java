package org.jheartbeat.controller;

import java.util.Map;
import java.util.TreeMap;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.lrm.AgentId;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.ResourceDefinition;
import org.jheartbeat.policy.actions.Action;
import org.jheartbeat.policy.actions.Transition;
import org.jheartbeat.policy.graph.ActionAttributes;
import org.jheartbeat.policy.model.InstanceIds;
import org.jheartbeat.policy.model.Primitive;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One resource action the DC asks of a node's LRM: the resource as the node knows it, its
 * agent and parameters, the operation with its interval, timeout and {@code CRM_meta_}
 * values, and the transition key the result is recorded with. Travels as an {@code rsc_op}
 * element.
 *
 * @param key Pacemaker's transition key, {@code action:transition:expected-rc:dc}
 */
record LrmCommand(String key, String resource, AgentId agent, String action, long intervalMs, long timeoutMs,
        Map<String, String> parameters, Map<String, String> meta) {

    private static final String META = "CRM_meta_";

    LrmCommand {
        parameters = Map.copyOf(parameters);
        meta = Map.copyOf(meta);
    }

    static LrmCommand of(Transition transition, Action a, String key) {
        Primitive rsc = a.primitive();
        Map<String, String> parameters = new TreeMap<>();
        Map<String, String> meta = new TreeMap<>();
        long timeout = ActionAttributes.DEFAULT_TIMEOUT_MS;
        for (Map.Entry<String, String> e : ActionAttributes.of(transition, a).entrySet()) {
            if (e.getKey().equals(META + "timeout")) {
                timeout = Long.parseLong(e.getValue());
            } else if (e.getKey().startsWith(META)) {
                if (!e.getKey().equals(META + "interval")) {
                    meta.put(e.getKey().substring(META.length()), e.getValue());
                }
            } else {
                parameters.put(e.getKey(), e.getValue());
            }
        }
        String provider = rsc.provider() == null || rsc.provider().isEmpty() ? null : rsc.provider();
        return new LrmCommand(key, InstanceIds.historyId(a.node(), rsc), new AgentId(rsc.standard(), provider, rsc.type()),
                a.task(), a.intervalMs(), timeout, parameters, meta);
    }

    /** The transition key's expected result. */
    static int expectedRc(String key) {
        String[] parts = key == null ? new String[0] : key.split(":");
        return parts.length >= 3 ? Integer.parseInt(parts[2]) : 0;
    }

    ResourceDefinition definition() {
        return new ResourceDefinition(resource, agent, parameters);
    }

    OperationRequest request() {
        return new OperationRequest(action, intervalMs, timeoutMs, meta, Map.of(), key);
    }

    String toXml() {
        Document document = CibXml.newDocument();
        Element op = document.createElement("rsc_op");
        op.setAttribute("key", key);
        op.setAttribute("resource", resource);
        op.setAttribute("class", agent.standard());
        if (agent.provider() != null) {
            op.setAttribute("provider", agent.provider());
        }
        op.setAttribute("type", agent.type());
        op.setAttribute("action", action);
        op.setAttribute("interval", Long.toString(intervalMs));
        op.setAttribute("timeout", Long.toString(timeoutMs));
        op.appendChild(attributes(document, "parameters", parameters));
        op.appendChild(attributes(document, "meta", meta));
        return CibXml.toXml(op);
    }

    static LrmCommand fromXml(String xml) throws CibParseException {
        Element op = CibXml.parseElement(xml, "rsc_op");
        String provider = op.hasAttribute("provider") ? op.getAttribute("provider") : null;
        return new LrmCommand(op.getAttribute("key"), op.getAttribute("resource"),
                new AgentId(op.getAttribute("class"), provider, op.getAttribute("type")), op.getAttribute("action"),
                Long.parseLong(op.getAttribute("interval")), Long.parseLong(op.getAttribute("timeout")),
                map(op, "parameters"), map(op, "meta"));
    }

    /**
     * One {@code <nvpair name= value=/>} per value rather than one attribute each: a parameter's
     * name need not be an XML name (a Heartbeat-class script's are 1, 2, 3...).
     */
    private static Element attributes(Document document, String tag, Map<String, String> values) {
        Element e = document.createElement(tag);
        values.forEach((name, value) -> {
            Element pair = document.createElement("nvpair");
            pair.setAttribute("name", name);
            pair.setAttribute("value", value);
            e.appendChild(pair);
        });
        return e;
    }

    private static Map<String, String> map(Element op, String tag) {
        Map<String, String> values = new TreeMap<>();
        Element e = (Element) op.getElementsByTagName(tag).item(0);
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element pair) {
                values.put(pair.getAttribute("name"), pair.getAttribute("value"));
            }
        }
        return values;
    }
}
