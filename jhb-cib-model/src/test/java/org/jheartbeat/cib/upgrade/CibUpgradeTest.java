package org.jheartbeat.cib.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.schema.CibSchema;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class CibUpgradeTest {

    @Test
    void theTalksCibAsTheHeartbeat21GuiSavedItBecomesTheCurrentForm() throws Exception {
        CibDocument old = sample("heartbeat21-talk.xml");
        assertThat(CibUpgrade.isLegacy(old)).isTrue();

        CibDocument upgraded = CibUpgrade.upgrade(old);

        assertThat(CibSchema.validate(upgraded)).isEmpty();
        assertThat(CibUpgrade.isLegacy(upgraded)).isFalse();
        assertThat(CibXml.toXml(element(upgraded, "/cib/configuration/resources")))
                .isEqualTo(text("heartbeat21-talk-upgraded-resources.xml"));
    }

    @Test
    void rootAttributesOptionsAndNodesGetTheirCurrentNames() throws Exception {
        CibDocument upgraded = CibUpgrade.upgrade(sample("heartbeat21-talk.xml"));

        Element root = upgraded.root();
        assertThat(root.getAttribute("validate-with")).isEqualTo(CibTemplate.VALIDATE_WITH);
        assertThat(root.getAttribute("crm_feature_set")).isEqualTo(CibTemplate.CRM_FEATURE_SET);
        assertThat(root.getAttribute("have-quorum")).isEqualTo("true");
        assertThat(root.hasAttribute("have_quorum") || root.hasAttribute("ccm_transition") || root.hasAttribute("num_peers"))
                .isFalse();
        assertThat(upgraded.version()).as("the caller decides about the epoch").isEqualTo(new CibVersion(0, 14, 102));
        assertThat(values(upgraded, "//cluster_property_set/nvpair/@name"))
                .containsExactly("dc-version", "symmetric-cluster", "stonith-enabled", "no-quorum-policy");
        assertThat(values(upgraded, "//rsc_defaults/meta_attributes/nvpair[@name='resource-stickiness']/@value"))
                .containsExactly("INFINITY");
        assertThat(values(upgraded, "//node/@type")).containsExactly("member", "member");
        assertThat(values(upgraded, "//attributes")).isEmpty();
    }

    @Test
    void ordersStartInTheDirectionTheOldTypeMeant() throws Exception {
        CibDocument upgraded = CibUpgrade.upgrade(sample("heartbeat21-clones-orders.xml"));

        assertThat(CibXml.toXml(element(upgraded, "//rsc_order[@id='web_after_fs']"))).as("web after fs0: fs0 first")
                .isEqualTo("<rsc_order id=\"web_after_fs\" first=\"fs0\" first-action=\"start\" then=\"web\" then-action=\"start\"/>\n");
        assertThat(CibXml.toXml(element(upgraded, "//rsc_order[@id='fs_before_web']"))).as("fs0 before web")
                .isEqualTo("<rsc_order id=\"fs_before_web\" first=\"fs0\" first-action=\"start\" then=\"web\"/>\n");
        assertThat(CibXml.toXml(element(upgraded, "//rsc_order[@id='fs_after_drbd']"))).as("no type means after")
                .isEqualTo("<rsc_order id=\"fs_after_drbd\" first=\"ms_drbd\" first-action=\"promote\" then=\"fs0\"/>\n");
        assertThat(CibXml.toXml(element(upgraded, "//rsc_colocation"))).isEqualTo(
                "<rsc_colocation id=\"fs_on_drbd\" score=\"INFINITY\" rsc=\"fs0\" with-rsc=\"ms_drbd\" with-rsc-role=\"Promoted\"/>\n");
        assertThat(CibXml.toXml(element(upgraded, "//rsc_location/rule")))
                .startsWith("<rule id=\"fs_connected_rule\" boolean-op=\"or\" score-attribute=\"pingd\">");
    }

    @Test
    void masterSlaveBecomesAPromotableCloneAndCloneOptionsBecomeDashedMetaAttributes() throws Exception {
        CibDocument upgraded = CibUpgrade.upgrade(sample("heartbeat21-clones-orders.xml"));

        assertThat(CibSchema.validate(upgraded)).isEmpty();
        assertThat(values(upgraded, "//master_slave | //master")).isEmpty();
        assertThat(values(upgraded, "//clone[@id='ms_drbd']/meta_attributes/nvpair/@name"))
                .containsExactly("notify", "promoted-max", "promotable");
        assertThat(values(upgraded, "//clone[@id='ms_drbd']/meta_attributes/nvpair[@name='promotable']/@value"))
                .containsExactly("true");
        assertThat(values(upgraded, "//clone[@id='pingd_clone']/meta_attributes/nvpair/@name"))
                .containsExactly("globally-unique", "clone-max", "clone-node-max");
        assertThat(values(upgraded, "//clone[@id='pingd_clone']/instance_attributes")).isEmpty();
        assertThat(values(upgraded, "//op[@id='drbd0_mon_master']/@role")).containsExactly("Promoted");
    }

    @Test
    void theOldDocumentIsLeftAsItWasAndKeepsItsLines() throws Exception {
        CibDocument old = sample("heartbeat21-talk.xml");
        String before = CibXml.toXml(old);

        CibDocument upgraded = CibUpgrade.upgrade(old);

        assertThat(CibXml.toXml(old)).isEqualTo(before);
        assertThat(CibDocument.lineOf(element(upgraded, "//primitive[@id='pgsql']"))).isEqualTo(32);
    }

    @Test
    void aDisabledOperationBecomesADisabledOne() throws Exception {
        CibDocument old = CibXml.parse("<cib epoch=\"1\" admin_epoch=\"0\" num_updates=\"0\"><configuration><crm_config/>"
                + "<nodes/><resources><primitive id=\"r\" class=\"lsb\" type=\"cron\"><operations>"
                + "<op id=\"r-mon\" name=\"monitor\" interval=\"10s\" disabled=\"true\"/></operations></primitive>"
                + "</resources><constraints/></configuration></cib>", "input");

        CibDocument upgraded = CibUpgrade.upgrade(old);

        assertThat(values(upgraded, "//op/@enabled")).containsExactly("false");
        assertThat(CibSchema.validate(upgraded)).isEmpty();
    }

    @Test
    void currentFormDocumentsAreNotLegacy() throws Exception {
        assertThat(CibUpgrade.isLegacy(CibTemplate.empty())).isFalse();
        assertThat(CibUpgrade.isLegacy(CibXml.parse("<cib validate-with=\"pacemaker-0.6\"/>", "input"))).isTrue();
        assertThat(CibUpgrade.isLegacy(CibXml.parse("<cib validate-with=\"pacemaker-3.9\"><configuration><constraints>"
                + "<rsc_order id=\"o\" from=\"a\" to=\"b\"/></constraints></configuration></cib>", "input")))
                .as("old constraints under a new declaration").isTrue();
    }

    private static CibDocument sample(String name) throws Exception {
        try (InputStream in = CibUpgradeTest.class.getResourceAsStream(name)) {
            return CibXml.parse(in, name);
        }
    }

    private static String text(String name) throws Exception {
        try (InputStream in = CibUpgradeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Element element(CibDocument document, String xpath) throws Exception {
        return (Element) XPathFactory.newInstance().newXPath().evaluate(xpath, document.dom(), XPathConstants.NODE);
    }

    private static List<String> values(CibDocument document, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate(xpath, document.dom(), XPathConstants.NODESET);
        return IntStream.range(0, nodes.getLength()).mapToObj(nodes::item)
                .map(node -> node.getNodeType() == Node.ATTRIBUTE_NODE ? node.getNodeValue() : node.getNodeName()).toList();
    }
}
