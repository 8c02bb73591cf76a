package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jheartbeat.cib.diff.CibDiff;
import org.jheartbeat.cib.diff.CibPatch;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;

/** The DC's status edits reach the members as patches: applied there, they give the DC's CIB. */
class StatusPatchTest {

    private static void patchGivesTheSame(CibDocument before, CibDocument after) throws Exception {
        CibPatch patch = CibPatch.parse(CibDiff.between(before, after).toXml());
        assertThat(CibXml.toXml(patch.apply(before))).isEqualTo(CibXml.toXml(after));
    }

    @Test
    void joinLeaveAndFailureEditsTravelAsPatches() throws Exception {
        CibDocument empty = TestCibs.twoNodesOneGroup("");
        CibDocument left = StatusUpdates.left(empty, "node3");
        patchGivesTheSame(empty, left);
        CibDocument joined = StatusUpdates.joined(left, "node3", List.of());
        patchGivesTheSame(left, joined);
        CibDocument failed = StatusUpdates.failure(joined, "node3", "d1", "start", 0, true, 5);
        patchGivesTheSame(joined, failed);
        patchGivesTheSame(failed, StatusUpdates.left(failed, "node3"));
    }
}
