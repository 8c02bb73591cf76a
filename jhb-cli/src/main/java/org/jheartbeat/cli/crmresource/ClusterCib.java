package org.jheartbeat.cli.crmresource;

import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibErrorCode;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.cibadmin.CibTarget;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The CIB crm_resource works on (the daemon's, or CIB_file's): read whole, changed by
 * cibadmin's requests, and searched for a resource by id.
 */
final class ClusterCib {

    private final CibTarget target;

    ClusterCib(CibTarget target) {
        this.target = target;
    }

    CibDocument read() throws CibRequestException {
        String xml = target.execute(new CibRequest(CibRequest.Operation.QUERY, null, null, null, false, false)).output();
        try {
            return CibXml.parse(xml, "the CIB");
        } catch (CibParseException e) {
            throw new CibRequestException(CibErrorCode.ERROR, "the CIB read back is not XML: " + e.getMessage());
        }
    }

    /** Adds or replaces an element of a section (constraints, resources...). */
    void put(String section, String xml) throws CibRequestException {
        target.execute(new CibRequest(CibRequest.Operation.MODIFY, section, null, xml, true, false));
    }

    /** Deletes what the XPath matches; true when something was there. */
    boolean delete(String xpath) throws CibRequestException {
        try {
            target.execute(new CibRequest(CibRequest.Operation.DELETE, null, xpath, null, false, false));
            return true;
        } catch (CibRequestException e) {
            if (e.code() == CibErrorCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw e;
        }
    }

    /** The configured resource element (primitive, group, clone, master) with this id, or null. */
    static Element resource(CibDocument cib, String id) {
        for (String tag : new String[] {"primitive", "group", "clone", "master", "bundle"}) {
            NodeList found = cib.root().getElementsByTagName(tag);
            for (int i = 0; i < found.getLength(); i++) {
                Element e = (Element) found.item(i);
                if (id.equals(e.getAttribute("id")) && isInResources(e)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean isInResources(Element e) {
        for (org.w3c.dom.Node n = e.getParentNode(); n instanceof Element parent; n = parent.getParentNode()) {
            if ("resources".equals(parent.getTagName())) {
                return true;
            }
        }
        return false;
    }
}
