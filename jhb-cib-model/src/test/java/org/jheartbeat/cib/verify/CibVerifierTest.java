package org.jheartbeat.cib.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;

/** The pure checks on small CIBs; the one-file-per-mistake corpus runs through crm_verify in jhb-cli. */
class CibVerifierTest {

    /** IPaddr2 (requires ip) and Dummy are installed, nothing else. */
    private static final AgentCatalog AGENTS = new AgentCatalog() {
        @Override
        public AgentPresence exists(AgentName agent) {
            return switch (agent.toString()) {
                case "ocf:heartbeat:IPaddr2", "ocf:heartbeat:Dummy" -> AgentPresence.INSTALLED;
                default -> agent.agentClass().equals("stonith") ? AgentPresence.UNVERIFIABLE : AgentPresence.MISSING;
            };
        }

        @Override
        public List<String> requiredParameters(AgentName agent) {
            return agent.type().equals("IPaddr2") ? List.of("ip") : List.of();
        }
    };

    private static List<String> verify(String resources, String constraints) throws CibParseException {
        String text = "<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\" validate-with=\"pacemaker-3.9\">\n"
                + "<configuration><crm_config/>\n"
                + "<nodes><node id=\"1\" uname=\"node01\"/><node id=\"2\" uname=\"node02\"/></nodes>\n"
                + "<resources>\n" + resources + "\n</resources>\n"
                + "<constraints>\n" + constraints + "\n</constraints>\n"
                + "</configuration><status/></cib>\n";
        return CibVerifier.verify(CibXml.parse(text, "input"), AGENTS).stream().map(f -> f.format("input")).toList();
    }

    private static String dummy(String id) {
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>";
    }

    @Test
    void aSoundConfigurationHasNoFindings() throws Exception {
        assertThat(verify("<group id=\"g\">" + dummy("a") + dummy("b") + "</group>" + dummy("c"),
                "<rsc_order id=\"o\" first=\"c\" then=\"g\"/><rsc_colocation id=\"co\" rsc=\"g\" with-rsc=\"c\" score=\"INFINITY\"/>"
                        + "<rsc_location id=\"l\" rsc=\"g\" node=\"node01\" score=\"100\"/>")).isEmpty();
    }

    @Test
    void anOrderAgainstAGroupsOwnChainIsALoop() throws Exception {
        assertThat(verify("<group id=\"g\">" + dummy("a") + dummy("b") + "</group>",
                "<rsc_order id=\"back\" first=\"b\" then=\"a\"/>"))
                .containsExactly("error: input:8: rsc_order 'back': ordering loop: a then b then a"
                        + " (through group 'g', rsc_order 'back'). Remove or reverse one of these orders (or make it kind=\"Optional\")");
    }

    @Test
    void orderSetsTakePartInLoops() throws Exception {
        assertThat(verify(dummy("a") + dummy("b"),
                "<rsc_order id=\"s\"><resource_set id=\"s1\"><resource_ref id=\"a\"/><resource_ref id=\"b\"/></resource_set></rsc_order>\n"
                        + "<rsc_order id=\"o\" first=\"b\" then=\"a\"/>"))
                .singleElement().asString().startsWith("error: input:9: rsc_order 'o': ordering loop: a then b then a");
    }

    @Test
    void aLoopWithAnOptionalOrderIsOnlyAWarning() throws Exception {
        assertThat(verify(dummy("a") + dummy("b"),
                "<rsc_order id=\"o1\" first=\"a\" then=\"b\"/>\n<rsc_order id=\"o2\" first=\"b\" then=\"a\" kind=\"Optional\"/>"))
                .singleElement().asString().startsWith("warning: input:9: rsc_order 'o2': ordering loop");
    }

    @Test
    void aTemplateSuppliesAgentAndParameters() throws Exception {
        assertThat(verify("<template id=\"t\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\">"
                + "<instance_attributes id=\"t-ia\"><nvpair id=\"t-ip\" name=\"ip\" value=\"10.0.0.1\"/></instance_attributes></template>"
                + "<primitive id=\"vip\" template=\"t\"/>", "")).isEmpty();
    }

    @Test
    void parametersThroughIdRefCount() throws Exception {
        assertThat(verify("<primitive id=\"v1\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\">"
                + "<instance_attributes id=\"shared\"><nvpair id=\"s-ip\" name=\"ip\" value=\"10.0.0.1\"/></instance_attributes></primitive>"
                + "<primitive id=\"v2\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"><instance_attributes id-ref=\"shared\"/></primitive>",
                "")).isEmpty();
    }

    @Test
    void aGroupInsideACloneIsNamedThroughTheClone() throws Exception {
        assertThat(verify("<clone id=\"cl\"><group id=\"g\">" + dummy("a") + "</group></clone>" + dummy("b"),
                "<rsc_colocation id=\"c\" rsc=\"b\" with-rsc=\"g\" score=\"INFINITY\"/>"))
                .containsExactly("error: input:8: rsc_colocation 'c': names 'g', which is inside clone 'cl'; the cluster ignores such a constraint."
                        + " Name the clone 'cl' instead: its copies are what gets placed and ordered");
    }

    @Test
    void aCloneOfACloneIsRefused() throws Exception {
        assertThat(verify("<clone id=\"outer\"><clone id=\"inner\">" + dummy("a") + "</clone></clone>", ""))
                .singleElement().asString().startsWith("error: input:5: clone 'inner': is a clone inside clone 'outer'");
    }

    @Test
    void anUnverifiableStonithAgentIsAWarning() throws Exception {
        assertThat(verify("<primitive id=\"f\" class=\"stonith\" type=\"external/ipmi\"/>", ""))
                .singleElement().asString().startsWith("warning: input:5: primitive 'f': cannot tell whether agent stonith:external/ipmi is installed");
    }

    @Test
    void aFencingAgentOutsideTheStonithClassIsAnError() throws Exception {
        assertThat(verify("<primitive id=\"f\" class=\"lsb\" type=\"fence_ipmilan\"/>", ""))
                .singleElement().asString().startsWith("error: input:5: primitive 'f': type=\"fence_ipmilan\" is a fencing agent but class=\"lsb\"");
    }

    @Test
    void aMissingIdRefTargetIsAnError() throws Exception {
        assertThat(verify("<primitive id=\"a\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"><meta_attributes id-ref=\"nowhere\"/></primitive>", ""))
                .singleElement().asString().startsWith("error: input:5: meta_attributes in primitive 'a': id-ref=\"nowhere\" names no element");
    }

    @Test
    void primitivesMustNameTheirAgentFully() throws Exception {
        assertThat(verify("<primitive id=\"a\" class=\"ocf\" provider=\"heartbeat\"/>\n<primitive id=\"b\" class=\"ocf\" type=\"Dummy\"/>", ""))
                .containsExactly("error: input:5: primitive 'a': has no type= (no template supplies it either)."
                                + " Name the agent, for example class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"",
                        "error: input:6: primitive 'b': an ocf agent needs provider= (the directory under resource.d)."
                                + " Add provider=, for example provider=\"heartbeat\" or provider=\"pacemaker\"");
    }

    @Test
    void aScoreThatIsNoNumberIsAnError() throws Exception {
        assertThat(verify(dummy("a"), "<rsc_location id=\"l\" rsc=\"a\" node=\"node01\" score=\"high\"/>"))
                .containsExactly("error: input:8: rsc_location 'l': score=\"high\" is not a score."
                        + " Use an integer between -1000000 and 1000000, INFINITY or -INFINITY");
    }

    @Test
    void aMissingRequiredParameterIsNamed() throws Exception {
        assertThat(verify("<primitive id=\"vip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/>", ""))
                .singleElement().asString()
                .startsWith("error: input:5: primitive 'vip': agent ocf:heartbeat:IPaddr2 requires parameter 'ip', which is not set");
    }

    @Test
    void aNodeMissingFromAnEmptyNodesSectionIsOnlyAWarning() throws Exception {
        String text = "<cib><configuration><crm_config/><nodes/><resources>" + dummy("a") + "</resources><constraints>"
                + "<rsc_location id=\"l\" rsc=\"a\" node=\"node09\" score=\"10\"/></constraints></configuration></cib>";
        assertThat(CibVerifier.verify(CibXml.parse(text, "input"), AGENTS)).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                    assertThat(finding.elementId()).isEqualTo("l");
                    assertThat(finding.line()).isEqualTo(1);
                    assertThat(finding.message()).isEqualTo("rsc_location 'l': node=\"node09\" names a node that <nodes> does not list (it is empty)");
                });
    }

    @Test
    void anInfluenceThatIsNoBooleanIsAnError() throws Exception {
        assertThat(verify(dummy("a") + dummy("b"),
                "<rsc_colocation id=\"c\" rsc=\"a\" with-rsc=\"b\" score=\"10\" influence=\"sometimes\"/>"))
                .containsExactly("error: input:8: rsc_colocation 'c': influence=\"sometimes\" is not true or false"
                        + " (the default, true, is used). Write influence=\"true\" or influence=\"false\"");
        assertThat(verify(dummy("a") + dummy("b"),
                "<rsc_colocation id=\"c\" rsc=\"a\" with-rsc=\"b\" score=\"10\" influence=\"No\"/>")).isEmpty();
    }

    @Test
    void identityErrorsAreOnlyDuplicateIdsAndNamesLeadingNowhere() throws Exception {
        String text = "<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\" validate-with=\"pacemaker-3.9\">\n"
                + "<configuration><crm_config/><nodes/>\n<resources>\n"
                + "<primitive id=\"vip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/>\n" + dummy("vip") + "\n"
                + "</resources><constraints>\n<rsc_order id=\"o\" first=\"vip\" then=\"db\"/>\n"
                + "<rsc_location id=\"l\" rsc=\"vip\" node=\"node09\" score=\"10\"/>\n"
                + "</constraints></configuration><status/></cib>\n";
        assertThat(CibVerifier.identityErrors(CibXml.parse(text, "input"))).extracting(f -> f.format("input"))
                .containsExactly("error: input:5: primitive 'vip': id is already used by the primitive on line 4."
                                + " Give every element its own id (rename this one)",
                        "error: input:7: rsc_order 'o': then=\"db\" names no resource."
                                + " Define a resource with id 'db' in <resources> or correct then=");
    }

    @Test
    void repeatedIdsOnOneLineAreListedIdByIdInTheOrderOfTheirFirstUse() throws Exception {
        String again = ": id is already used by the primitive on line 5. Give every element its own id (rename this one)";
        assertThat(verify(dummy("a") + dummy("b") + dummy("b") + dummy("a") + dummy("a")
                + "<primitive id=\"c\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
                + "<instance_attributes id-ref=\"b\"/></primitive>", ""))
                .containsExactly("error: input:5: primitive 'a'" + again, "error: input:5: primitive 'a'" + again,
                        "error: input:5: primitive 'b'" + again,
                        "error: input:5: instance_attributes in primitive 'c': id-ref=\"b\" names a primitive, not a"
                                + " instance_attributes. Point id-ref= at a <instance_attributes>");
    }

    @Test
    void aNodeMayShareItsIdWithAResource() throws Exception {
        // a remote node is named by the id of its connection resource (Pacemaker's schema takes node ids as text)
        assertThat(verify(dummy("node01") + dummy("2"), "")).isEmpty();
    }
}
