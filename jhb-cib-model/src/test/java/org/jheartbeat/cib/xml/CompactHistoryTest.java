package org.jheartbeat.cib.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CompactContent;
import org.jheartbeat.cib.model.CompactElement;
import org.jheartbeat.cib.model.CompactNode;
import org.jheartbeat.cib.model.CompactText;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** CibXml.parseWithCompactHistory: each node's lrm content held compactly, written back the same. */
class CompactHistoryTest {

    private static final String CIB = """
            <cib epoch="3" admin_epoch="0" num_updates="1">
              <configuration>
                <crm_config/>
                <nodes/>
                <resources/>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="node1" in_ccm="true" crmd="online" join="member" expected="member">
                  <transient_attributes id="1">
                    <instance_attributes id="status-1">
                      <nvpair id="status-1-a" name="a" value="1"/>
                    </instance_attributes>
                  </transient_attributes>
                  <lrm id="1">
                    <lrm_resources>
                      <lrm_resource id="rsc1" type="Dummy" class="ocf" provider="heartbeat">
                        <!-- a comment &amp; what follows -->
                        <lrm_rsc_op id="rsc1_last_0" operation_key="rsc1_start_0" operation="start"
                            call-id="3" rc-code="0" op-status="0" interval="0" exit-reason="a &quot;b&quot; &lt;c&gt;"/>
                        <lrm_rsc_op id="rsc1_monitor_10000" operation_key="rsc1_monitor_10000" operation="monitor" call-id="4" rc-code="0" op-status="0" interval="10000" exit-reason=""/>
                      </lrm_resource>
                      <lrm_resource id="rsc2" type="Dummy" class="ocf" provider="heartbeat">
                        <lrm_rsc_op id="rsc2_last_0" operation_key="rsc2_monitor_0" operation="monitor" call-id="5" rc-code="7" op-status="0" interval="0" exit-reason=""/>
                      </lrm_resource>
                    </lrm_resources>
                  </lrm>
                </node_state>
              </status>
            </cib>
            """;

    @Test
    void theHistoryIsHeldCompactlyWithItsLinesAndAttributeOrder() throws Exception {
        CibDocument cib = CibXml.parseWithCompactHistory(CIB, "cib.xml");

        Element lrm = element(cib, "lrm");
        assertThat(lrm.hasChildNodes()).as("the DOM keeps the lrm element, empty").isFalse();
        assertThat(lrm.getAttribute("id")).isEqualTo("1");
        assertThat(cib.dom().getElementsByTagName("lrm_rsc_op").getLength()).isZero();
        assertThat(cib.dom().getElementsByTagName("nvpair").getLength()).as("the rest of the status is DOM").isEqualTo(1);

        List<CompactElement> resources = CompactContent.of(lrm).element("lrm_resources").elements("lrm_resource");
        assertThat(resources).hasSize(2);
        CompactElement rsc1 = resources.get(0);
        assertThat(rsc1.line()).isEqualTo(17);
        assertThat(rsc1.children().get(0)).isEqualTo(CompactText.comment(" a comment &amp; what follows "));
        CompactElement start = rsc1.elements("lrm_rsc_op").get(0);
        assertThat(start.line()).as("a tag spread over two lines: the line of its <").isEqualTo(19);
        assertThat(start.attributeName(0)).isEqualTo("id");
        assertThat(start.attributeName(6)).isEqualTo("interval");
        assertThat(start.attribute("exit-reason")).isEqualTo("a \"b\" <c>");
        assertThat(start.attribute("op-digest")).isNull();
    }

    @Test
    void aValueComparesEqualAsItsStringWouldWithoutBeingRead() throws Exception {
        CibDocument cib = CibXml.parseWithCompactHistory(CIB, "cib.xml");
        CompactElement rsc1 = CompactContent.of(element(cib, "lrm")).element("lrm_resources").element("lrm_resource");
        CompactElement start = rsc1.elements("lrm_rsc_op").get(0);
        int type = rsc1.attributeIndex("type");
        int reason = start.attributeIndex("exit-reason");

        assertThat(type).isEqualTo(1);
        assertThat(rsc1.attributeEquals(type, "Dummy")).as("kept as bytes").isTrue();
        assertThat(rsc1.attributeEquals(type, "Dumm")).isFalse();
        assertThat(rsc1.attributeEquals(type, "Dummy2")).isFalse();
        assertThat(rsc1.attributeEquals(type, "")).isFalse();
        assertThat(start.attributeEquals(reason, "a \"b\" <c>")).as("decoded").isTrue();
        assertThat(start.attributeEquals(reason, "a")).isFalse();
        CompactElement monitor = rsc1.elements("lrm_rsc_op").get(1);
        assertThat(monitor.attributeEquals(monitor.attributeIndex("exit-reason"), "")).isTrue();
        assertThat(rsc1.attributeIndex("op-digest")).isEqualTo(-1);
    }

    @Test
    void writesTheSameTextAsTheWholeDom() throws Exception {
        String whole = CibXml.toXml(CibXml.parse(CIB, "cib.xml"));

        assertThat(CibXml.toXml(CibXml.parseWithCompactHistory(CIB, "cib.xml"))).isEqualTo(whole);
        assertThat(whole).contains("<lrm_rsc_op id=\"rsc1_last_0\" operation_key=\"rsc1_start_0\"",
                "<!-- a comment &amp; what follows -->", "exit-reason=\"a &quot;b&quot; &lt;c&gt;\"/>");
    }

    @Test
    void recordsOfTheSameShapeShareTheirAttributeNamesButNotTheirChanges() throws Exception {
        CibDocument cib = CibXml.parseWithCompactHistory(CIB, "cib.xml");
        List<CompactElement> resources = CompactContent.of(element(cib, "lrm")).element("lrm_resources")
                .elements("lrm_resource");
        CompactElement monitor = resources.get(0).elements("lrm_rsc_op").get(1);
        CompactElement probe = resources.get(1).elements("lrm_rsc_op").get(0);

        monitor.setAttribute("op-digest", "abc");
        monitor.setAttribute("rc-code", "1");

        assertThat(monitor.attribute("op-digest")).isEqualTo("abc");
        assertThat(monitor.attributeName(monitor.attributeCount() - 1)).isEqualTo("op-digest");
        assertThat(probe.attribute("op-digest")).isNull();
        assertThat(probe.attribute("rc-code")).isEqualTo("7");
    }

    @Test
    void aCopyOfTheDocumentHasItsOwnHistory() throws Exception {
        CibDocument cib = CibXml.parseWithCompactHistory(CIB, "cib.xml");
        String before = CibXml.toXml(cib);

        Document copy = CibXml.copy(cib.dom());
        Element copiedLrm = (Element) copy.getElementsByTagName("lrm").item(0);
        CompactContent.of(copiedLrm).element("lrm_resources").append(new CompactElement("lrm_resource"));

        assertThat(CibXml.toXml(cib)).isEqualTo(before);
        assertThat(CibXml.toXml(CibDocument.of(copy))).contains("<lrm_resource/>");
    }

    @Test
    void aDomHistoryIsReadAsCompactAndTakenOverWhenHeld() throws Exception {
        CibDocument cib = CibXml.parse(CIB, "cib.xml");
        String before = CibXml.toXml(cib);
        Element lrm = element(cib, "lrm");

        List<CompactNode> read = CompactContent.read(lrm);
        assertThat(((CompactElement) read.get(0)).elements("lrm_resource")).hasSize(2);
        assertThat(lrm.hasChildNodes()).as("reading leaves the DOM alone").isTrue();
        assertThat(CompactContent.of(lrm)).isNull();

        CompactElement resources = CompactContent.hold(lrm).element("lrm_resources");
        assertThat(lrm.hasChildNodes()).isFalse();
        assertThat(resources.elements("lrm_resource").get(0).elements("lrm_rsc_op").get(0).line()).isEqualTo(19);
        assertThat(CibXml.toXml(cib)).isEqualTo(before);
    }

    @Test
    void badXmlInsideTheHistoryIsReportedWithItsLine() {
        String broken = CIB.replace("<lrm_rsc_op id=\"rsc2_last_0\"", "<lrm_rsc_op id=\"rsc2_last_0\" id=\"again\"");

        assertThatThrownBy(() -> CibXml.parseWithCompactHistory(broken, "cib.xml"))
                .isInstanceOf(CibParseException.class)
                .hasMessageStartingWith("cib.xml:24:")
                .hasMessageContaining("\"id\"");
    }

    private static Element element(CibDocument cib, String tag) {
        return (Element) cib.dom().getElementsByTagName(tag).item(0);
    }
}
