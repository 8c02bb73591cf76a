package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class StatusUpdatesTest {

    private static Element xml(String text) throws CibParseException {
        return CibXml.parseElement(text, "test");
    }

    private static String text(CibDocument cib) {
        return CibXml.toXml(cib);
    }

    private static Element lrmResource(String id) throws CibParseException {
        return xml("<lrm_resource id=\"" + id + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
                + "<lrm_rsc_op id=\"" + id + "_last_0\" operation=\"start\" rc-code=\"0\"/></lrm_resource>");
    }

    /** The node_state start tag of a node. */
    private static String nodeState(CibDocument cib, String node) {
        String all = text(cib);
        int at = all.indexOf("<node_state");
        while (at >= 0) {
            String tag = all.substring(at, all.indexOf('>', at));
            if (tag.contains("id=\"" + node + "\"")) {
                return tag;
            }
            at = all.indexOf("<node_state", at + 1);
        }
        throw new AssertionError("no node_state of " + node + " in " + all);
    }

    @Test
    void aJoiningNodeIsListedOnlineWithWhatItsLrmReportedAndItsEntryRaisesTheEpoch() throws Exception {
        CibDocument before = TestCibs.twoNodesOneGroup(TestCibs.online("node1"));
        CibDocument after = StatusUpdates.joined(before, "node3", List.of(lrmResource("d1")));
        assertThat(after.version().epoch()).isEqualTo(before.version().epoch() + 1);
        assertThat(text(after)).contains("<node id=\"node3\" uname=\"node3\"/>").contains("<lrm_rsc_op id=\"d1_last_0\"");
        assertThat(nodeState(after, "node3")).contains("in_ccm=\"true\"", "crmd=\"online\"", "join=\"member\"",
                "expected=\"member\"");
        CibDocument again = StatusUpdates.joined(after, "node3", List.of());
        assertThat(again.version().epoch()).isEqualTo(after.version().epoch());
        assertThat(again.version().numUpdates()).isEqualTo(after.version().numUpdates() + 1);
        assertThat(text(again)).doesNotContain("d1_last_0");
    }

    @Test
    void aNodeThatLeftIsOfflineWithItsHistoryAndTransientAttributesErased() throws Exception {
        CibDocument cib = StatusUpdates.joined(TestCibs.twoNodesOneGroup(""), "node1", List.of(lrmResource("d1")));
        cib = StatusUpdates.failure(cib, "node1", "d1", "monitor", 10_000, false, 100);
        CibDocument left = StatusUpdates.left(cib, "node1");
        assertThat(nodeState(left, "node1")).contains("in_ccm=\"false\"", "crmd=\"offline\"", "join=\"down\"",
                "expected=\"down\"");
        assertThat(text(left)).doesNotContain("lrm_resource").doesNotContain("fail-count");
    }

    @Test
    void withFencingANodeLostKeepsItsHistoryAndIsUncleanUntilFenced() throws Exception {
        CibDocument cib = StatusUpdates.joined(withFencing(), "node1", List.of(lrmResource("d1")));
        cib = StatusUpdates.failure(cib, "node1", "d1", "monitor", 10_000, false, 100);
        CibDocument lost = StatusUpdates.left(cib, "node1");
        assertThat(nodeState(lost, "node1")).contains("in_ccm=\"false\"", "crmd=\"offline\"", "join=\"down\"",
                "expected=\"member\"");
        assertThat(text(lost)).contains("<lrm_rsc_op id=\"d1_last_0\"").doesNotContain("fail-count");
        assertThat(CibUnpacker.unpack(lost, Instant.EPOCH).node("node1").unclean()).isTrue();

        CibDocument fenced = StatusUpdates.fenced(lost, "node1");
        assertThat(nodeState(fenced, "node1")).contains("in_ccm=\"false\"", "crmd=\"offline\"", "join=\"down\"",
                "expected=\"down\"");
        assertThat(text(fenced)).doesNotContain("lrm_resource");
        assertThat(CibUnpacker.unpack(fenced, Instant.EPOCH).node("node1").unclean()).isFalse();
    }

    @Test
    void withFencingANodeToldToLeaveIsDownCleanlyOnceItHasGone() throws Exception {
        CibDocument cib = StatusUpdates.joined(withFencing(), "node1", List.of(lrmResource("d1")));
        CibDocument gone = StatusUpdates.left(StatusUpdates.expectedDown(cib, "node1"), "node1");
        assertThat(nodeState(gone, "node1")).contains("expected=\"down\"");
        assertThat(text(gone)).doesNotContain("lrm_resource");
    }

    private static CibDocument withFencing() throws CibParseException {
        return CibXml.parse(text(TestCibs.twoNodesOneGroup("")).replace(
                "name=\"stonith-enabled\" value=\"false\"", "name=\"stonith-enabled\" value=\"true\""), "test");
    }

    @Test
    void failuresAreCountedOneByOneOrSetToInfinity() {
        CibDocument cib = TestCibs.twoNodesOneGroup(TestCibs.online("node1"));
        cib = StatusUpdates.failure(cib, "node1", "d1", "monitor", 10_000, false, 100);
        cib = StatusUpdates.failure(cib, "node1", "d1", "monitor", 10_000, false, 200);
        assertThat(text(cib)).contains("name=\"fail-count-d1#monitor_10000\" value=\"2\"")
                .contains("name=\"last-failure-d1#monitor_10000\" value=\"200\"");
        cib = StatusUpdates.failure(cib, "node1", "d2", "start", 0, true, 300);
        assertThat(text(cib)).contains("name=\"fail-count-d2#start_0\" value=\"INFINITY\"");
    }

    @Test
    void forgettingAResourceTakesItsInstancesButNotAResourceWithALongerName() throws Exception {
        CibDocument cib = StatusUpdates.joined(TestCibs.twoNodesOneGroup(""), "node1",
                List.of(lrmResource("d1"), lrmResource("d1:0"), lrmResource("d10")));
        cib = StatusUpdates.failure(cib, "node1", "d1", "monitor", 10_000, false, 100);
        cib = StatusUpdates.failure(cib, "node1", "d10", "monitor", 10_000, false, 100);
        CibDocument forgotten = StatusUpdates.forget(cib, "node1", "d1");
        assertThat(text(forgotten)).doesNotContain("\"d1_last_0\"").doesNotContain("\"d1:0_last_0\"")
                .doesNotContain("fail-count-d1#").contains("\"d10_last_0\"").contains("fail-count-d10#");
    }

    @Test
    void aShutdownRequestKeepsItsFirstTimeAndGoesWhenTheNodeSaysItIsNotLeaving() {
        CibDocument cib = StatusUpdates.shutdown(TestCibs.twoNodesOneGroup(TestCibs.online("node1")), "node1", 100L);
        assertThat(text(cib)).contains("<nvpair id=\"status-node1-shutdown\" name=\"shutdown\" value=\"100\"/>");
        assertThat(StatusUpdates.shutdown(cib, "node1", 200L)).isSameAs(cib);
        CibDocument cleared = StatusUpdates.shutdown(cib, "node1", null);
        assertThat(text(cleared)).doesNotContain("shutdown");
        assertThat(cleared.version().numUpdates()).isEqualTo(cib.version().numUpdates() + 1);
        assertThat(StatusUpdates.shutdown(cleared, "node2", null)).isSameAs(cleared);
    }

    @Test
    void anEditThatChangesNothingKeepsTheVersion() {
        CibDocument cib = StatusUpdates.left(TestCibs.twoNodesOneGroup(""), "node2");
        assertThat(StatusUpdates.left(cib, "node2")).isSameAs(cib);
        assertThat(StatusUpdates.forget(cib, "node9", "d1")).isSameAs(cib);
    }
}
