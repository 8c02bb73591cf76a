package org.jheartbeat.cib.diff;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jheartbeat.cib.model.CibParseException;
import org.junit.jupiter.api.Test;

class CibPatchParseTest {

    private static final String VERSION = """
              <version>
                <source admin_epoch="0" epoch="1" num_updates="0"/>
                <target admin_epoch="0" epoch="2" num_updates="0"/>
              </version>
            """;

    private static String diff(String changes) {
        return "<diff format=\"2\">\n" + VERSION + changes + "</diff>\n";
    }

    private static void refused(String text, String message) {
        assertThatThrownBy(() -> CibPatch.parse(text, "patch.xml")).isInstanceOf(CibParseException.class)
                .hasMessage(message);
    }

    @Test
    void notAPatch() {
        refused("<cib/>", "patch.xml:1: the root element is <cib>, a patch starts with <diff format=\"2\">."
                + " give a format 2 patchset as crm_diff or cibadmin writes it");
    }

    @Test
    void formatOne() {
        refused("<diff format=\"1\">\n<diff-added/></diff>",
                "patch.xml:1: the <diff> is format 1 (a format 1 diff has diff-added/diff-removed); only format 2 is read."
                        + " produce the patch with crm_diff (Pacemaker 1.1.12 or later) or with cibadmin");
    }

    @Test
    void noVersion() {
        refused("<diff format=\"2\">\n</diff>", "patch.xml:1: <diff> has 0 <version> elements; it needs exactly one."
                + " give a format 2 patchset as crm_diff or cibadmin writes it");
    }

    @Test
    void versionNotANumber() {
        refused(diff("").replace("epoch=\"2\"", "epoch=\"two\""),
                "patch.xml:4: <target> epoch=\"two\" is not a whole number from 0 up."
                        + " give a format 2 patchset as crm_diff or cibadmin writes it");
    }

    @Test
    void unknownOperation() {
        refused(diff("  <change operation=\"rename\" path=\"/cib\"/>\n"),
                "patch.xml:6: the change for /cib has operation 'rename'; it is one of create, delete, modify, move."
                        + " give a format 2 patchset as crm_diff or cibadmin writes it");
    }

    @Test
    void changeWithoutPath() {
        refused(diff("  <change operation=\"delete\"/>\n"), "patch.xml:6: <change> has no path attribute."
                + " give a format 2 patchset as crm_diff or cibadmin writes it");
    }

    @Test
    void moveWithoutAUsablePosition() {
        refused(diff("  <change operation=\"move\" path=\"/cib/status\" position=\"-1\"/>\n"),
                "patch.xml:6: the position '-1' of the move change is not a number from 0 up. give the child's index, 0 for the first");
    }

    @Test
    void createWithoutContent() {
        refused(diff("  <change operation=\"create\" path=\"/cib\" position=\"0\"/>\n"),
                "patch.xml:6: the create change for /cib has 0 elements inside; it needs exactly the one to create."
                        + " give a format 2 patchset as crm_diff or cibadmin writes it");
    }

    @Test
    void modifyWithNothingToChange() {
        refused(diff("  <change operation=\"modify\" path=\"/cib\"/>\n"),
                "patch.xml:6: the modify change for /cib has neither a change-list nor a change-result."
                        + " list the attributes to set or unset in <change-list><change-attr .../></change-list>");
    }

    @Test
    void attributeChangeWithAnUnknownOperation() {
        refused(diff("  <change operation=\"modify\" path=\"/cib\">\n    <change-list>\n"
                        + "      <change-attr name=\"epoch\" operation=\"add\" value=\"3\"/>\n    </change-list>\n  </change>\n"),
                "patch.xml:8: the change-attr epoch has operation 'add'; it is set or unset."
                        + " give a format 2 patchset as crm_diff or cibadmin writes it");
    }

    @Test
    void attributeSetWithoutValue() {
        refused(diff("  <change operation=\"modify\" path=\"/cib\">\n    <change-list>\n"
                        + "      <change-attr name=\"epoch\" operation=\"set\"/>\n    </change-list>\n  </change>\n"),
                "patch.xml:8: the change-attr epoch sets no value. add value=\"...\"");
    }

    @Test
    void strangerInsideTheDiff() {
        refused(diff("  <patch/>\n"), "patch.xml:6: <patch> has no place in a <diff>; only <version> and <change> do."
                + " give a format 2 patchset as crm_diff or cibadmin writes it");
    }

    @Test
    void notWellFormed() {
        assertThatThrownBy(() -> CibPatch.parse("<diff format=\"2\">\n<version>\n</diff>"))
                .isInstanceOf(CibParseException.class).hasMessageStartingWith("input:3");
    }
}
