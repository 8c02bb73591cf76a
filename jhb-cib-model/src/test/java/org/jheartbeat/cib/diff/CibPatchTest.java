package org.jheartbeat.cib.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;

class CibPatchTest {

    private static final String OLD = """
            <cib admin_epoch="0" epoch="11" num_updates="0" validate-with="pacemaker-3.0">
              <configuration>
                <crm_config>
                  <cluster_property_set id="opts"><nvpair id="o1" name="stonith-enabled" value="false"/></cluster_property_set>
                </crm_config>
                <resources>
                  <primitive id="a" class="ocf" provider="heartbeat" type="IPaddr2">
                    <instance_attributes id="a-ia"><nvpair id="a-ip" name="ip" value="10.0.0.1"/></instance_attributes>
                  </primitive>
                  <primitive id="b" class="ocf" provider="heartbeat" type="Dummy"/>
                  <primitive id="c" class="ocf" provider="heartbeat" type="Dummy"/>
                </resources>
              </configuration>
              <status/>
            </cib>
            """;

    private static final String NEW = """
            <cib admin_epoch="0" epoch="12" num_updates="3" validate-with="pacemaker-3.0">
              <configuration>
                <crm_config>
                  <cluster_property_set id="opts"><nvpair id="o1" name="stonith-enabled" value="true"/></cluster_property_set>
                </crm_config>
                <resources>
                  <primitive id="c" class="ocf" provider="heartbeat" type="Dummy"/>
                  <primitive id="a" class="ocf" provider="heartbeat" type="IPaddr2" description="x">
                    <instance_attributes id="a-ia">
                      <nvpair id="a-ip" name="ip" value="10.0.0.2"/>
                      <nvpair id="a-nm" name="cidr_netmask" value="24"/>
                    </instance_attributes>
                  </primitive>
                  <primitive id="d" class="ocf" provider="heartbeat" type="Dummy"/>
                </resources>
              </configuration>
              <status/>
            </cib>
            """;

    /** crm_diff -o OLD -n NEW from Pacemaker 2.1.5 for the same two versions. */
    private static final String CRM_DIFF_OUTPUT = """
            <diff format="2">
              <version>
                <source admin_epoch="0" epoch="11" num_updates="0"/>
                <target admin_epoch="0" epoch="12" num_updates="3"/>
              </version>
              <change operation="delete" path="/cib/configuration/resources/primitive[@id=&apos;b&apos;]"/>
              <change operation="modify" path="/cib">
                <change-list>
                  <change-attr name="epoch" operation="set" value="12"/>
                  <change-attr name="num_updates" operation="set" value="3"/>
                </change-list>
                <change-result>
                  <cib admin_epoch="0" epoch="12" num_updates="3" validate-with="pacemaker-3.0"/>
                </change-result>
              </change>
              <change operation="modify" path="/cib/configuration/crm_config/cluster_property_set[@id=&apos;opts&apos;]/nvpair[@id=&apos;o1&apos;]">
                <change-list><change-attr name="value" operation="set" value="true"/></change-list>
                <change-result><nvpair id="o1" name="stonith-enabled" value="true"/></change-result>
              </change>
              <change operation="move" path="/cib/configuration/resources/primitive[@id=&apos;c&apos;]" position="0"/>
              <change operation="modify" path="/cib/configuration/resources/primitive[@id=&apos;a&apos;]">
                <change-list><change-attr name="description" operation="set" value="x"/></change-list>
                <change-result><primitive id="a" class="ocf" provider="heartbeat" type="IPaddr2" description="x"/></change-result>
              </change>
              <change operation="modify" path="/cib/configuration/resources/primitive[@id=&apos;a&apos;]/instance_attributes[@id=&apos;a-ia&apos;]/nvpair[@id=&apos;a-ip&apos;]">
                <change-list><change-attr name="value" operation="set" value="10.0.0.2"/></change-list>
                <change-result><nvpair id="a-ip" name="ip" value="10.0.0.2"/></change-result>
              </change>
              <change operation="create" path="/cib/configuration/resources/primitive[@id=&apos;a&apos;]/instance_attributes[@id=&apos;a-ia&apos;]" position="1">
                <nvpair id="a-nm" name="cidr_netmask" value="24"/>
              </change>
              <change operation="move" path="/cib/configuration/resources/primitive[@id=&apos;a&apos;]" position="1"/>
              <change operation="create" path="/cib/configuration/resources" position="2">
                <primitive id="d" class="ocf" provider="heartbeat" type="Dummy"/>
              </change>
            </diff>
            """;

    @Test
    void theDiffHasPacemakersChangesInPacemakersOrderButMovesOnlyWhatMust() throws Exception {
        CibPatch patch = CibDiff.between(cib(OLD), cib(NEW));
        CibPatch pacemakers = CibPatch.parse(CRM_DIFF_OUTPUT);

        assertThat(patch.source()).isEqualTo(new CibVersion(0, 11, 0));
        assertThat(patch.target()).isEqualTo(new CibVersion(0, 12, 3));
        // crm_diff also moves a to position 1; keeping a where it is and moving c before it is enough
        List<PatchChange> withoutThatMove = pacemakers.changes().stream()
                .filter(change -> !change.equals(new PatchChange.Move("/cib/configuration/resources/primitive[@id='a']", 1)))
                .toList();
        assertThat(patch.changes()).isEqualTo(withoutThatMove);
    }

    @Test
    void crmDiffOutputAppliesToGiveTheNewVersion() throws Exception {
        CibDocument result = CibPatch.parse(CRM_DIFF_OUTPUT).apply(cib(OLD));

        assertThat(XmlTree.of(result.root())).isEqualTo(XmlTree.of(cib(NEW).root()));
        assertThat(result.version()).isEqualTo(new CibVersion(0, 12, 3));
    }

    @Test
    void ourTextIsPacemakersFormat() {
        String text = CibDiff.between(cib(OLD), cib(NEW)).toXml();

        assertThat(text).startsWith("<diff format=\"2\">\n  <version>\n    <source admin_epoch=\"0\" epoch=\"11\" num_updates=\"0\"/>")
                .contains("<change operation=\"delete\" path=\"/cib/configuration/resources/primitive[@id='b']\"/>")
                .contains("<change-attr name=\"value\" operation=\"set\" value=\"true\"/>")
                .contains("<change operation=\"create\" path=\"/cib/configuration/resources\" position=\"2\">");
    }

    @Test
    void aRemovedAttributeIsUnset() throws Exception {
        CibDocument older = cib("<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\"><configuration><resources>"
                + "<primitive id=\"p\" description=\"old\"/></resources></configuration></cib>");
        CibDocument newer = cib("<cib admin_epoch=\"0\" epoch=\"2\" num_updates=\"0\"><configuration><resources>"
                + "<primitive id=\"p\"/></resources></configuration></cib>");

        CibPatch patch = CibDiff.between(older, newer);

        assertThat(patch.changes()).contains(new PatchChange.Modify("/cib/configuration/resources/primitive[@id='p']",
                List.of(AttributeChange.unset("description")), java.util.Optional.of(java.util.Map.of("id", "p"))));
        assertThat(patch.toXml()).contains("<change-attr name=\"description\" operation=\"unset\"/>");
        assertThat(patch.apply(older).root().getElementsByTagName("primitive").item(0).getAttributes().getLength()).isEqualTo(1);
    }

    @Test
    void aPatchForAnotherVersionIsRefused() {
        CibPatch patch = CibDiff.between(cib(OLD), cib(NEW));
        CibDocument later = cib(OLD.replace("epoch=\"11\" num_updates=\"0\"", "epoch=\"12\" num_updates=\"3\""));

        assertThatThrownBy(() -> patch.apply(later)).isInstanceOf(PatchException.class)
                .hasMessage("the CIB is at 0.12.3 but the diff applies to 0.11.0: ask the DC for a full copy");
    }

    @Test
    void aPathThatNamesNoElementIsRefusedAndNothingChanges() throws Exception {
        CibPatch patch = CibPatch.parse(CRM_DIFF_OUTPUT.replace("primitive[@id=&apos;b&apos;]", "primitive[@id=&apos;gone&apos;]"));
        CibDocument base = cib(OLD);

        assertThatThrownBy(() -> patch.apply(base)).isInstanceOf(PatchException.class)
                .hasMessage("change 1 (delete): no element /cib/configuration/resources/primitive[@id='gone']"
                        + " (path /cib/configuration/resources/primitive[@id='gone']) in the CIB at 0.11.0: ask the DC for a full copy");
        assertThat(XmlTree.of(base.root())).isEqualTo(XmlTree.of(cib(OLD).root()));
    }

    @Test
    void aPathStepOutsideWhatPatchsetsUseIsRefused() throws Exception {
        CibPatch patch = CibPatch.parse(CRM_DIFF_OUTPUT.replace("path=\"/cib\"", "path=\"/cib//primitive\""));

        assertThatThrownBy(() -> patch.apply(cib(OLD))).isInstanceOf(PatchException.class)
                .hasMessageContaining("change 2 (modify): the path step '' in /cib//primitive is not one a patchset uses:"
                        + " TAG, TAG[@id='ID'] or TAG[N]");
    }

    @Test
    void elementsWithoutIdAreMatchedByPlaceAndNamedByPosition() throws Exception {
        CibDocument older = cib("<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\"><status><op name=\"x\"/><op name=\"y\"/></status></cib>");
        CibDocument newer = cib("<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"1\"><status><op name=\"y\"/></status></cib>");

        CibPatch patch = CibDiff.between(older, newer);

        assertThat(patch.changes()).extracting(PatchChange::operation, PatchChange::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("delete", "/cib/status/op[2]"),
                org.assertj.core.groups.Tuple.tuple("modify", "/cib"),
                org.assertj.core.groups.Tuple.tuple("modify", "/cib/status/op[1]"));
        assertThat(XmlTree.of(patch.apply(older).root())).isEqualTo(XmlTree.of(newer.root()));
    }

    private static CibDocument cib(String text) {
        try {
            return CibXml.parse(text, "test");
        } catch (CibParseException e) {
            throw new AssertionError(e);
        }
    }
}
