package org.jheartbeat.cib.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.model.CibErrorCode;
import org.jheartbeat.cib.upgrade.CibUpgrade;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class CibOperationsTest {

    private static final String CIB = """
            <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="5" num_updates="2" admin_epoch="0">
              <configuration>
                <crm_config/>
                <nodes>
                  <node id="1" uname="node01"/>
                </nodes>
                <resources>
                  <primitive id="ip01" class="ocf" provider="heartbeat" type="IPaddr">
                    <instance_attributes id="ip01-params">
                      <nvpair id="ip01-ip" name="ip" value="192.168.0.100"/>
                    </instance_attributes>
                  </primitive>
                  <primitive id="cron" class="lsb" type="cron"/>
                </resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="node01"/>
              </status>
            </cib>
            """;

    private final CibDocument cib = parse(CIB);

    @Test
    void aSectionIsFoundByItsCibadminName() throws Exception {
        assertThat(CibOperations.query(cib, "resources").getTagName()).isEqualTo("resources");
        assertThat(CibOperations.query(cib, null)).isSameAs(cib.root());
        assertThatThrownBy(() -> CibOperations.query(cib, "rsc_defaults"))
                .isInstanceOfSatisfying(CibOperationException.class, e -> assertThat(e.code()).isEqualTo(CibErrorCode.NO_SUCH_OBJECT))
                .hasMessage("the CIB has no <rsc_defaults> section yet; create something in it (-C -o rsc_defaults) first");
        assertThatThrownBy(() -> CibOperations.query(cib, "nodez"))
                .isInstanceOfSatisfying(CibOperationException.class, e -> assertThat(e.code()).isEqualTo(CibErrorCode.INVALID_INPUT))
                .hasMessageStartingWith("unknown section 'nodez'; use one of configuration, crm_config, nodes, resources");
    }

    @Test
    void anXpathSelectsElementsAndABadOneIsRefused() throws Exception {
        assertThat(CibOperations.queryXpath(cib, "//primitive")).extracting(e -> e.getAttribute("id"))
                .containsExactly("ip01", "cron");
        assertThat(CibOperations.queryXpath(cib, "//group")).isEmpty();
        assertThatThrownBy(() -> CibOperations.queryXpath(cib, "//primitive[@id="))
                .isInstanceOfSatisfying(CibOperationException.class, e -> assertThat(e.code().exitStatus()).isEqualTo(105))
                .hasMessageStartingWith("the xpath '//primitive[@id=' is not a valid XPath expression");
    }

    @Test
    void createAddsToACopyAndRaisesTheEpoch() throws Exception {
        CibDocument after = CibOperations.create(cib, "resources", element("<primitive id=\"web\" class=\"lsb\" type=\"apache\"/>"));

        assertThat(after.version()).isEqualTo(new CibVersion(0, 6, 0));
        assertThat(CibOperations.queryXpath(after, "//primitive[@id='web']")).hasSize(1);
        assertThat(CibOperations.queryXpath(cib, "//primitive[@id='web']")).as("the original is untouched").isEmpty();
        assertThat(cib.version()).isEqualTo(new CibVersion(0, 5, 2));
    }

    @Test
    void createFindsTheSectionFromTheElementAndMakesOptionalSections() throws Exception {
        CibDocument after = CibOperations.create(cib, null, element("<rsc_location id=\"loc\" rsc=\"ip01\" node=\"node01\" score=\"100\"/>"));
        CibDocument withDefaults = CibOperations.create(cib, "rsc_defaults", element(
                "<meta_attributes id=\"d\"><nvpair id=\"d-s\" name=\"resource-stickiness\" value=\"100\"/></meta_attributes>"));

        assertThat(CibOperations.queryXpath(after, "/cib/configuration/constraints/rsc_location")).hasSize(1);
        assertThat(CibOperations.queryXpath(withDefaults, "/cib/configuration/rsc_defaults/meta_attributes")).hasSize(1);
    }

    @Test
    void createRefusesAnIdThatExistsNamingWhereItIs() {
        assertThatThrownBy(() -> CibOperations.create(cib, "constraints",
                element("<rsc_location id=\"ip01-ip\" rsc=\"ip01\" node=\"node01\" score=\"1\"/>")))
                .isInstanceOfSatisfying(CibOperationException.class, e -> {
                    assertThat(e.code()).isEqualTo(CibErrorCode.ALREADY_EXISTS);
                    assertThat(e.code().exitStatus()).isEqualTo(108);
                })
                .hasMessage("id 'ip01-ip' already exists at line 10 (<nvpair id=\"ip01-ip\">); choose another id,"
                        + " or change the existing element with -M");
    }

    @Test
    void aChangeThatBreaksTheSchemaIsRefusedWithTheErrors() {
        assertThatThrownBy(() -> CibOperations.create(cib, "resources", element("<primitive id=\"x\" class=\"ocf\"/>")))
                .isInstanceOfSatisfying(CibOperationException.class, e -> {
                    assertThat(e.code().exitStatus()).isEqualTo(78);
                    assertThat(e.schemaErrors()).isNotEmpty();
                })
                .hasMessageStartingWith("the change was refused because the result would not be a valid CIB:\n"
                        + "  element <primitive id=\"x\">: missing required attribute 'type'");
    }

    @Test
    void modifyMergesAttributesAndChildrenById() throws Exception {
        CibDocument after = CibOperations.modify(cib, "resources", element("""
                <primitive id="ip01" description="virtual IP">
                  <instance_attributes id="ip01-params">
                    <nvpair id="ip01-ip" value="192.168.0.200"/>
                    <nvpair id="ip01-mask" name="cidr_netmask" value="24"/>
                  </instance_attributes>
                </primitive>"""), false);

        assertThat(CibXml.toXml(CibOperations.queryXpath(after, "//primitive[@id='ip01']").get(0))).isEqualTo("""
                <primitive id="ip01" class="ocf" provider="heartbeat" type="IPaddr" description="virtual IP">
                  <instance_attributes id="ip01-params">
                    <nvpair id="ip01-ip" name="ip" value="192.168.0.200"/>
                    <nvpair id="ip01-mask" name="cidr_netmask" value="24"/>
                  </instance_attributes>
                </primitive>
                """);
        assertThat(after.version().epoch()).isEqualTo(6);
    }

    @Test
    void modifyOfWhatIsNotThereNeedsAllowCreate() throws Exception {
        Element web = element("<primitive id=\"web\" class=\"lsb\" type=\"apache\"/>");

        assertThatThrownBy(() -> CibOperations.modify(cib, "resources", web, false))
                .isInstanceOfSatisfying(CibOperationException.class, e -> assertThat(e.code()).isEqualTo(CibErrorCode.NO_SUCH_OBJECT))
                .hasMessage("no <primitive id=\"web\"> in section resources; use --allow-create to create it, or -C");
        assertThat(CibOperations.queryXpath(CibOperations.modify(cib, "resources", web, true), "//primitive[@id='web']"))
                .hasSize(1);
    }

    @Test
    void aStatusOnlyChangeRaisesNumUpdatesAndAChangeToNothingRaisesNothing() throws Exception {
        CibDocument after = CibOperations.modify(cib, "status", element("<node_state id=\"1\" crmd=\"online\"/>"), false);
        CibDocument same = CibOperations.modify(cib, "resources", element("<primitive id=\"cron\" type=\"cron\"/>"), false);

        assertThat(after.version()).isEqualTo(new CibVersion(0, 5, 3));
        assertThat(same).isSameAs(cib);
    }

    @Test
    void replaceSwapsTheWholeElement() throws Exception {
        CibDocument after = CibOperations.replace(cib, "resources",
                element("<primitive id=\"ip01\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/>"));

        assertThat(CibXml.toXml(CibOperations.queryXpath(after, "//primitive[@id='ip01']").get(0)))
                .isEqualTo("<primitive id=\"ip01\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/>\n");
        assertThatThrownBy(() -> CibOperations.replace(cib, "resources", element("<group id=\"g\"/>")))
                .hasMessage("no <group id=\"g\"> in section resources; create it with -C");
    }

    @Test
    void deleteRemovesByIdAndDeletingWhatIsNotThereChangesNothing() throws Exception {
        CibDocument after = CibOperations.delete(cib, "resources", element("<primitive id=\"cron\"/>"));

        assertThat(CibOperations.queryXpath(after, "//primitive")).extracting(e -> e.getAttribute("id")).containsExactly("ip01");
        assertThat(after.version().epoch()).isEqualTo(6);
        assertThat(CibOperations.delete(cib, null, element("<primitive id=\"nope\"/>"))).isSameAs(cib);
        assertThatThrownBy(() -> CibOperations.delete(cib, null, element("<resources/>")))
                .isInstanceOfSatisfying(CibOperationException.class, e -> assertThat(e.code()).isEqualTo(CibErrorCode.INVALID_INPUT))
                .hasMessageContaining("which a CIB cannot lose");
    }

    @Test
    void deleteByXpathTakesTheFirstMatchOrAll() throws Exception {
        assertThat(CibOperations.queryXpath(CibOperations.deleteXpath(cib, "//primitive"), "//primitive")).hasSize(1);
        assertThat(CibOperations.queryXpath(CibOperations.deleteXpath(cib, "//primitive", true), "//primitive")).isEmpty();
        assertThatThrownBy(() -> CibOperations.deleteXpath(cib, "//group"))
                .isInstanceOfSatisfying(CibOperationException.class, e -> assertThat(e.code().exitStatus()).isEqualTo(105))
                .hasMessage("nothing matches the xpath '//group'; check it with cibadmin -Q --xpath");
    }

    @Test
    void eraseEmptiesTheCibAndRaisesAdminEpochAsPacemakerDoes() {
        CibDocument erased = CibOperations.erase(cib);

        assertThat(erased.version()).isEqualTo(new CibVersion(1, 6, 0));
        assertThat(CibXml.toXml(erased)).contains("<configuration>\n    <crm_config/>\n    <nodes/>\n    <resources/>\n"
                + "    <constraints/>\n  </configuration>\n  <status/>\n");
        assertThat(erased.root().getAttribute("validate-with")).isEqualTo("pacemaker-3.9");
    }

    @Test
    void bumpEpochRaisesOnlyTheEpoch() {
        assertThat(CibOperations.bumpEpoch(cib).version()).isEqualTo(new CibVersion(0, 6, 0));
        assertThat(CibOperations.bumpEpoch(CibTemplate.empty()).version()).isEqualTo(new CibVersion(0, 2, 0));
    }

    @Test
    void upgradeGivesTheCurrentFormWithTheEpochRaised() throws Exception {
        CibDocument old;
        try (InputStream in = CibUpgrade.class.getResourceAsStream("heartbeat21-talk.xml")) {
            old = CibXml.parse(in, "cib.xml");
        }

        CibDocument upgraded = CibOperations.upgrade(old);

        assertThat(CibUpgrade.isLegacy(upgraded)).isFalse();
        assertThat(upgraded.version()).isEqualTo(new CibVersion(0, 15, 0));
        CibDocument changed = CibOperations.modify(old, null, element("<primitive id=\"ip01\" description=\"vip\"/>"), false);
        assertThat(CibUpgrade.isLegacy(changed)).as("a change keeps the old form as it is").isTrue();
    }

    @Test
    void exitCodesAreCibadminsOwn() {
        assertThat(List.of(CibErrorCode.NO_SUCH_OBJECT, CibErrorCode.ALREADY_EXISTS, CibErrorCode.INVALID_CONFIGURATION,
                CibErrorCode.BAD_XPATH, CibErrorCode.INVALID_INPUT)).extracting(CibErrorCode::exitStatus)
                .containsExactly(105, 108, 78, 105, 65);
        assertThat(CibErrorCode.NO_SUCH_OBJECT.text()).isEqualTo("No such object");
    }

    private static CibDocument parse(String text) {
        try {
            return CibXml.parse(text, "cib.xml");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element element(String text) throws Exception {
        return CibXml.parseElement(text, "-X");
    }
}
