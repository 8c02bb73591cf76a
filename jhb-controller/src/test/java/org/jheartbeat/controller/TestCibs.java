package org.jheartbeat.controller;

import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;

/** Small CIBs for the controller's tests: two online nodes, no fencing, a group of two Dummies. */
final class TestCibs {

    private TestCibs() {
    }

    static CibDocument twoNodesOneGroup(String status) {
        String xml = "<cib admin_epoch=\"0\" epoch=\"5\" num_updates=\"0\" validate-with=\"pacemaker-3.9\" have-quorum=\"1\""
                + " dc-uuid=\"node1\"><configuration><crm_config><cluster_property_set id=\"o\">"
                + "<nvpair id=\"o-s\" name=\"stonith-enabled\" value=\"false\"/></cluster_property_set></crm_config>"
                + "<nodes><node id=\"node1\" uname=\"node1\"/><node id=\"node2\" uname=\"node2\"/></nodes>"
                + "<resources><group id=\"g\">"
                + "<primitive id=\"d1\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"><instance_attributes id=\"d1-i\">"
                + "<nvpair id=\"d1-i-f\" name=\"fake\" value=\"x\"/></instance_attributes><operations>"
                + "<op id=\"d1-m\" name=\"monitor\" interval=\"10s\" timeout=\"30s\"/></operations></primitive>"
                + "<primitive id=\"d2\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/></group></resources>"
                + "<constraints/></configuration><status>" + status + "</status></cib>";
        try {
            return CibXml.parse(xml, "test CIB");
        } catch (CibParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String online(String node) {
        return "<node_state id=\"" + node + "\" uname=\"" + node + "\" in_ccm=\"true\" crmd=\"online\" join=\"member\""
                + " expected=\"member\"/>";
    }
}
