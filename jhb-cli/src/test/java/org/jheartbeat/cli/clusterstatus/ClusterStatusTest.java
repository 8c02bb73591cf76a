package org.jheartbeat.cli.clusterstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.junit.jupiter.api.Test;

/** The status text as Pacemaker 2.1.5's crm_simulate prints it for the same CIBs. */
class ClusterStatusTest {

    private static final Instant NOW = Instant.parse("2024-01-31T10:00:00Z");

    static Cluster cluster(String resource) throws Exception {
        try (InputStream in = ClusterStatusTest.class.getResourceAsStream("/crmsimulate/" + resource)) {
            CibDocument cib = CibXml.parse(in, resource);
            return CibUnpacker.unpack(cib, NOW);
        }
    }

    private static String status(String resource, boolean quiet) throws Exception {
        TextList out = new TextList(quiet);
        new ClusterStatus(cluster(resource), false).print("Current cluster status", out);
        return out.text();
    }

    @Test
    void nodesInAStateOfTheirOwnComeFirstThenTheOnlineAndOfflineLists() throws Exception {
        assertThat(status("node-states.xml", false)).isEqualTo("""
                Current cluster status:
                  * Node List:
                    * Node node2: standby (with active resources)
                    * Node node4: UNCLEAN (offline)
                    * Node node5: maintenance
                    * Online: [ node1 node10 ]
                    * OFFLINE: [ node3 ]

                  * Full List of Resources:
                    * fencing\t(stonith:fence_dummy):\t Started node1
                    * web\t(ocf:heartbeat:apache):\t Started node2
                """);
    }

    @Test
    void failureOnANodeBeingFencedDoesNotShowAsFailed() throws Exception {
        // a hand-written scheduler case, its placement checked in jhb-policy's FeatureCasesTest
        CibDocument cib = CibXml.parse(Path.of("../jhb-policy/src/test/resources/differential/fencing-device-stays-on-healthy-node.xml"));
        TextList out = new TextList(false);
        new ClusterStatus(CibUnpacker.unpack(cib, NOW), false).print("Current cluster status", out);
        assertThat(out.text()).contains("* fencing\t(stonith:fence_dummy):\t Started [ node1 node3 ]\n");
    }

    @Test
    void primitivesGroupsAndClonesInEveryState() throws Exception {
        assertThat(status("resource-states.xml", false)).isEqualTo("""
                Current cluster status:
                  * Node List:
                    * Online: [ node1 node2 node3 ]

                  * Full List of Resources:
                    * rsc-started\t(ocf:heartbeat:Dummy):\t Started node1
                    * rsc-failed\t(ocf:heartbeat:Dummy):\t FAILED node1
                    * rsc-disabled\t(ocf:heartbeat:Dummy):\t Stopped (disabled)
                    * rsc-unmanaged\t(ocf:heartbeat:Dummy):\t Started node2 (unmanaged)
                    * Resource Group: grp:
                      * g1\t(ocf:heartbeat:Dummy):\t Started node1
                      * g2\t(ocf:heartbeat:Dummy):\t Started node1
                    * Clone Set: c [cr]:
                      * Started: [ node1 node2 ]
                      * Stopped: [ node3 ]
                    * Clone Set: ms [st] (promotable):
                      * Promoted: [ node1 ]
                      * Unpromoted: [ node2 ]
                      * Stopped: [ node3 ]
                    * Clone Set: u [ur] (unique):
                      * ur:0\t(ocf:heartbeat:Dummy):\t Started node3
                      * ur:1\t(ocf:heartbeat:Dummy):\t Stopped
                    * multi\t(ocf:heartbeat:Dummy):\t Started [ node1 node3 ]
                    * gone\t(ocf:heartbeat:Dummy):\t ORPHANED Started node3
                """);
    }

    @Test
    void operationsInProgressShowInsteadOfTheRoleOrAsAFlag() throws Exception {
        assertThat(status("pending-ops.xml", false)).endsWith("""
                  * Full List of Resources:
                    * starting\t(ocf:heartbeat:Dummy):\t Starting node1
                    * monitored\t(ocf:heartbeat:Dummy):\t Started node1 (Monitoring)
                    * Clone Set: c [cr]:
                      * cr\t(ocf:heartbeat:Dummy):\t Starting node2
                      * Started: [ node1 ]
                """);
    }

    @Test
    void aProbeThatFoundTheAgentMissingIsShownWithTheStoppedState() throws Exception {
        assertThat(status("probe-results.xml", false)).endsWith("""
                  * Full List of Resources:
                    * missing\t(ocf:heartbeat:Dummy):\t Stopped (not installed)\s
                    * Clone Set: c [cr]:
                      * Started: [ node2 ]
                      * Stopped (not installed): [ node1 ]
                """);
    }

    @Test
    void unhealthyNodesAreShownOnTheirOwnUnderAHealthStrategy() throws Exception {
        assertThat(status("node-health.xml", false)).isEqualTo("""
                Current cluster status:
                  * Node List:
                    * Node node2: online (health is YELLOW)
                    * Node node3: online (health is RED)
                    * Online: [ node1 ]

                  * Full List of Resources:
                    * No resources
                """);
    }

    @Test
    void quietFormDropsTitlesAndListMarksButKeepsTheCloneLists() throws Exception {
        String quiet = status("resource-states.xml", true);

        assertThat(quiet).startsWith("[ node1 node2 node3 ]\n\nrsc-started\t(ocf:heartbeat:Dummy):\t Started node1\n");
        assertThat(quiet).contains("\ng1\t(ocf:heartbeat:Dummy):\t Started node1\n")
                .contains("\nStarted: [ node1 node2 ]\nStopped: [ node3 ]\n")
                .doesNotContain("Resource Group").doesNotContain("Clone Set").doesNotContain("* ");
    }

    @Test
    void disabledAndBlockedInstancesAreCounted() throws Exception {
        InstanceCounts counts = InstanceCounts.of(cluster("resource-states.xml"));

        assertThat(counts.warning())
                .isEqualTo("1 of 16 resource instances DISABLED and 0 BLOCKED from further action due to failure");
        assertThat(InstanceCounts.of(cluster("node-states.xml")).warning()).isNull();
    }

    @Test
    void nodeNamesSortByTheValueOfTheirNumbers() {
        assertThat(NodeNames.ORDER.compare("node2", "node10")).isNegative();
        assertThat(NodeNames.ORDER.compare("Node10", "node9")).isPositive();
        assertThat(NodeNames.ORDER.compare("node007", "node7")).isZero();
        assertThat(NodeNames.ORDER.compare("alpha", "Beta")).isNegative();
    }
}
