package org.jheartbeat.cli.attributes;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jheartbeat.cib.model.CibErrorCode;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.cibadmin.CibTarget;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Node attributes and cluster options kept in the CIB, set, read and removed the way
 * crm_attribute does: nvpairs with Pacemaker's ids under the node's transient_attributes
 * (status), its node entry (nodes) or cib-bootstrap-options (crm_config). Node ids in our CIB
 * are node names.
 */
public final class NodeAttributes {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:#-]+");
    private static final String OPTIONS = "cib-bootstrap-options";

    private final CibTarget cib;

    public NodeAttributes(CibTarget cib) {
        this.cib = cib;
    }

    public void set(AttributeScope scope, String node, String name, String value) throws CibRequestException {
        check(node, name);
        String nvpair = "<nvpair id=\"" + id(scope, node, name) + "\" name=\"" + name + "\" value=\""
                + CibXml.escapeAttribute(value) + "\"/>";
        String xml;
        switch (scope) {
            case STATUS:
                xml = "<node_state id=\"" + node + "\" uname=\"" + node + "\"><transient_attributes id=\"" + node
                        + "\"><instance_attributes id=\"status-" + node + "\">" + nvpair
                        + "</instance_attributes></transient_attributes></node_state>";
                break;
            case NODES:
                xml = "<node id=\"" + node + "\" uname=\"" + node + "\"><instance_attributes id=\"nodes-" + node + "\">"
                        + nvpair + "</instance_attributes></node>";
                break;
            default:
                xml = "<cluster_property_set id=\"" + OPTIONS + "\">" + nvpair + "</cluster_property_set>";
        }
        cib.execute(new CibRequest(CibRequest.Operation.MODIFY, scope.word(), null, xml, true, false));
    }

    /** The value, or empty when the attribute is not set. */
    public Optional<String> get(AttributeScope scope, String node, String name) throws CibRequestException {
        check(node, name);
        Optional<Element> answer = query(xpath(scope, node, name));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Element first = answer.get();
        if (!"nvpair".equals(first.getTagName())) {
            first = (Element) first.getElementsByTagName("nvpair").item(0);
        }
        return first == null ? Optional.empty() : Optional.of(first.getAttribute("value"));
    }

    /** Whether the CIB knows the node: an entry under nodes, or a status entry. */
    public boolean knows(String node) throws CibRequestException {
        check(node, "node");
        return query("/cib/configuration/nodes/node[@uname='" + node + "']").isPresent()
                || query("/cib/status/node_state[@uname='" + node + "']").isPresent();
    }

    /** Every transient attribute of the node (status section), by name. */
    public Map<String, String> transientAttributes(String node) throws CibRequestException {
        check(node, "node");
        Map<String, String> values = new TreeMap<>();
        Optional<Element> answer = query("/cib/status/node_state[@uname='" + node + "']/transient_attributes");
        if (answer.isPresent()) {
            NodeList pairs = answer.get().getElementsByTagName("nvpair");
            for (int i = 0; i < pairs.getLength(); i++) {
                Element pair = (Element) pairs.item(i);
                values.put(pair.getAttribute("name"), pair.getAttribute("value"));
            }
        }
        return values;
    }

    /** What the XPath matches (its first element), or empty when it matches nothing. */
    private Optional<Element> query(String xpath) throws CibRequestException {
        try {
            String output = cib.execute(new CibRequest(CibRequest.Operation.QUERY, null, xpath, null, false, false)).output();
            return Optional.of(CibXml.parseElement(output, "answer"));
        } catch (CibRequestException e) {
            if (e.code() == CibErrorCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw e;
        } catch (CibParseException e) {
            throw new CibRequestException(CibErrorCode.ERROR, "the daemon's answer was not XML: " + e.getMessage());
        }
    }

    /** Removes the attribute; nothing to remove is no error, as for crm_attribute. */
    public void delete(AttributeScope scope, String node, String name) throws CibRequestException {
        check(node, name);
        try {
            cib.execute(new CibRequest(CibRequest.Operation.DELETE, null, xpath(scope, node, name), null, false, false));
        } catch (CibRequestException e) {
            if (e.code() != CibErrorCode.NO_SUCH_OBJECT) {
                throw e;
            }
        }
    }

    private static String id(AttributeScope scope, String node, String name) {
        switch (scope) {
            case STATUS:
                return "status-" + node + "-" + name;
            case NODES:
                return "nodes-" + node + "-" + name;
            default:
                return OPTIONS + "-" + name;
        }
    }

    private static String xpath(AttributeScope scope, String node, String name) {
        switch (scope) {
            case STATUS:
                return "/cib/status/node_state[@uname='" + node + "']/transient_attributes/instance_attributes/nvpair[@name='"
                        + name + "']";
            case NODES:
                return "/cib/configuration/nodes/node[@uname='" + node + "']/instance_attributes/nvpair[@name='" + name + "']";
            default:
                return "/cib/configuration/crm_config/cluster_property_set/nvpair[@name='" + name + "']";
        }
    }

    /** Names go into ids and XPath expressions: only the characters ids may hold. */
    private static void check(String node, String name) {
        if (node != null && !NAME.matcher(node).matches()) {
            throw new IllegalArgumentException("node name '" + node + "' may hold only letters, digits and _ . : # -");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("attribute name '" + name + "' may hold only letters, digits and _ . : # -");
        }
    }
}
