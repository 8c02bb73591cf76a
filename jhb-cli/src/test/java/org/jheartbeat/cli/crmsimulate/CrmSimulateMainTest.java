package org.jheartbeat.cli.crmsimulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.cib;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crm_simulate's sections and options on small CIBs: node1 is up and node2 down in
 * one-node-up.xml, so every resource can only start on node1.
 */
class CrmSimulateMainTest {

    private static final String ONE_NODE = cib("one-node-up.xml").toString();

    @TempDir
    Path dir;

    @Test
    void withoutRunOnlyTheCurrentStatusIsShown() {
        SimulateRun run = run("-x", ONE_NODE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                Current cluster status:
                  * Node List:
                    * Online: [ node1 ]
                    * OFFLINE: [ node2 ]

                  * Full List of Resources:
                    * rsc1\t(ocf:heartbeat:apache):\t Stopped
                    * Resource Group: grp:
                      * g1\t(ocf:heartbeat:Dummy):\t Stopped
                      * g2\t(ocf:heartbeat:Dummy):\t Stopped
                    * Clone Set: c [cr]:
                      * Stopped: [ node1 node2 ]
                """);
    }

    @Test
    void runAddsTheTransitionSummaryWithEachLineAsAListItem() {
        SimulateRun run = run("-x", ONE_NODE, "-R");

        assertThat(collapsed(run.section("Transition Summary"))).containsExactly("* Start rsc1 ( node1 )",
                "* Start g1 ( node1 )", "* Start g2 ( node1 )", "* Start cr:0 ( node1 )");
        assertThat(run.out()).doesNotContain("Executing Cluster Transition");
    }

    @Test
    void simulateCarriesOutTheTransitionAndShowsTheRevisedStatus() {
        SimulateRun run = run("-x", ONE_NODE, "-S");

        assertThat(run.section("Executing Cluster Transition")).contains(
                "  * Resource action: rsc1            start on node1\n",
                "  * Resource action: g1              start on node1\n",
                "  * Resource action: cr:0            start on node1\n");
        assertThat(run.section("Revised Cluster Status")).isEqualTo("""
                  * Node List:
                    * Online: [ node1 ]
                    * OFFLINE: [ node2 ]

                  * Full List of Resources:
                    * rsc1\t(ocf:heartbeat:apache):\t Started node1
                    * Resource Group: grp:
                      * g1\t(ocf:heartbeat:Dummy):\t Started node1
                      * g2\t(ocf:heartbeat:Dummy):\t Started node1
                    * Clone Set: c [cr]:
                      * Started: [ node1 ]
                      * Stopped: [ node2 ]
                """);
    }

    @Test
    void aGroupsMembersStartInOrder() {
        String executed = run("-x", ONE_NODE, "-S").section("Executing Cluster Transition");

        assertThat(executed.indexOf("g1              start")).isLessThan(executed.indexOf("g2              start"));
    }

    @Test
    void anUncleanNodeIsFencedAndThenOffline() {
        SimulateRun run = run("-x", cib("node-states.xml").toString(), "-S");

        assertThat(run.section("Transition Summary"))
                .startsWith("  * Fence (reboot) node4 'peer is no longer part of the cluster'\n");
        assertThat(run.section("Executing Cluster Transition")).contains("  * Fencing node4 (reboot)\n");
        assertThat(run.section("Revised Cluster Status")).contains("    * OFFLINE: [ node3 node4 ]\n")
                .doesNotContain("UNCLEAN");
    }

    @Test
    void disabledInstancesAreCountedBeforeTheStatus() {
        SimulateRun run = run("-x", cib("resource-states.xml").toString());

        assertThat(run.out()).startsWith("1 of 16 resource instances DISABLED and 0 BLOCKED from further action due to"
                + " failure\n\nCurrent cluster status:\n");
    }

    @Test
    void quietPrintsNothingButErrors() {
        SimulateRun run = run("-x", ONE_NODE, "-S", "-Q");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void scoresComeBetweenStatusAndSummaryInQuietListForm() {
        SimulateRun run = run("-x", ONE_NODE, "-R", "-s");

        assertThat(run.out()).startsWith("[ node1 ]\n[ node2 ]\n\nrsc1\t(ocf:heartbeat:apache):\t Stopped\n");
        assertThat(run.out()).containsPattern("\n\npcmk__primitive_assign: rsc1 allocation score on node1: -?\\d+\n")
                .contains("pcmk__group_assign: grp allocation score on node1: ")
                .contains("pcmk__clone_allocate: c allocation score on node1: ")
                .contains("pcmk__clone_allocate: cr:0 allocation score on node1: ")
                .contains("\nStart      rsc1").doesNotContain("Transition Summary:");
    }

    @Test
    void quietScoresAreTheOnlyOutput() {
        SimulateRun run = run("-x", ONE_NODE, "-s", "-Q");

        assertThat(run.out().lines()).isNotEmpty().allMatch(line -> line.matches(
                "pcmk__(primitive_assign|group_assign|clone_allocate): \\S+ allocation score on node[12]: -?(\\d+|INFINITY)"));
    }

    @Test
    void setDatetimeIsAnnouncedAndMayComeAsTwoWords() {
        SimulateRun run = run("-x", ONE_NODE, "-t", "2024-02-01", "12:30:00");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Setting effective cluster time: 2024-02-01 12:30:00\nCurrent cluster status:\n");
    }

    @Test
    void aSavedSchedulerInputRunsAtItsExecutionDate() throws Exception {
        Path input = Files.writeString(dir.resolve("pe-input.xml"), Files.readString(cib("one-node-up.xml"))
                .replace("dc-uuid=\"1\"", "dc-uuid=\"1\" execution-date=\"1648835858\""));

        SimulateRun run = run("-x", input.toString());

        assertThat(run.out()).startsWith("Using the original execution date of: 2022-04-01 17:57:38Z\n");
    }

    @Test
    void nodeUpDownAndFailAreMadeBeforeScheduling() {
        SimulateRun run = run("-x", cib("node-states.xml").toString(), "-S", "-u", "node3", "-d", "node1",
                "-f", "node10");

        assertThat(run.section("Performing Requested Modifications")).isEqualTo("""
                  * Bringing node node3 online
                  * Taking node node1 offline
                  * Failing node node10
                """);
        assertThat(run.section("Transition Summary")).contains("Fence (reboot) node10 'peer is no longer part of"
                + " the cluster'");
        assertThat(run.section("Revised Cluster Status")).contains("    * Online: [ node3 ]\n",
                "    * OFFLINE: [ node1 node4 node10 ]\n");
    }

    @Test
    void quorumCanBeTakenAway() {
        SimulateRun run = run("-x", ONE_NODE, "-R", "-q", "0");

        assertThat(run.section("Performing Requested Modifications")).isEqualTo("  * Setting quorum: 0\n");
        assertThat(run.section("Transition Summary")).contains("due to no quorum (blocked)");
    }

    @Test
    void anInjectedProbeResultIsHistoryTheSchedulerReads() throws Exception {
        Path saved = dir.resolve("after.xml");

        SimulateRun run = run("-x", ONE_NODE, "-R", "-i", "rsc1_monitor_0@node1=0", "-O", saved.toString());

        assertThat(run.section("Performing Requested Modifications"))
                .isEqualTo("  * Injecting rsc1_monitor_0@node1=0 into the configuration\n");
        assertThat(run.section("Transition Summary")).doesNotContain("rsc1 ");
        assertThat(Files.readString(saved)).as("written in Pacemaker's attribute order")
                .contains("<lrm_resource id=\"rsc1\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\">")
                .contains("<lrm_rsc_op id=\"rsc1_last_0\" operation_key=\"rsc1_monitor_0\" operation=\"monitor\"");
    }

    @Test
    void anInjectedFailureCountsAFailure() throws Exception {
        Path saved = dir.resolve("after.xml");

        SimulateRun run = run("-x", ONE_NODE, "-S", "-i", "rsc1_monitor_0@node1=0", "-i",
                "rsc1_monitor_10000@node1=7", "-O", saved.toString());

        assertThat(run.section("Performing Requested Modifications")).contains(
                "  * Injecting attribute fail-count-rsc1#monitor_10000=value++ into /node_state '1'\n");
        assertThat(run.section("Current cluster status")).contains("rsc1\t(ocf:heartbeat:apache):\t Stopped\n");
        assertThat(Files.readString(saved)).contains("name=\"fail-count-rsc1#monitor_10000\" value=\"1\"");
    }

    @Test
    void transitionSummaryColumnsAreLaidOutAsPacemakersAre() {
        // the expected lines are Pacemaker 2.1.5's own output for this CIB, spaces included
        SimulateRun run = run("-x", "../jhb-policy/src/test/resources/differential/unmanaged-resource-left-as-it-is.xml",
                "-S", "-t", "2023-11-14T22:13:20Z");

        assertThat(run.section("Transition Summary")).startsWith("""
                  * Start      after   (          node3 )
                  * Recover    multi   ( node1 -> node3 )
                """);
    }

    @Test
    void anUnmanagedResourceIsStillMonitoredWhereItRuns() {
        // a hand-written scheduler case, its placement and summary checked in jhb-policy's FeatureCasesTest
        SimulateRun run = run("-x", "../jhb-policy/src/test/resources/differential/unmanaged-resource-left-as-it-is.xml",
                "-S", "-t", "2023-11-14T22:13:20Z");

        assertThat(run.section("Executing Cluster Transition"))
                .contains("  * Resource action: watched         monitor=10000 on node1\n");
        assertThat(run.section("Current cluster status")).contains("watched\t(ocf:heartbeat:Dummy):\t FAILED node1 (unmanaged)\n");
    }

    @Test
    void aFailedActionStopsTheTransition() {
        SimulateRun run = run("-x", ONE_NODE, "-S", "-F", "rsc1_start_0@node1=1");

        String executed = run.section("Executing Cluster Transition");
        assertThat(executed).containsPattern("\nPretending action \\d+ failed with rc=1\n")
                .contains("  * Injecting attribute fail-count-rsc1#start_0=value++ into /node_state '1'\n");
        assertThat(executed.substring(executed.indexOf("Pretending"))).doesNotContain("Resource action");
        assertThat(run.section("Revised Cluster Status")).contains("rsc1\t(ocf:heartbeat:apache):\t FAILED node1\n");
    }

    @Test
    void artifactsAreWrittenAndTheInputIsLeftAlone() throws Exception {
        Path input = Files.copy(cib("one-node-up.xml"), dir.resolve("cib.xml"));
        byte[] before = Files.readAllBytes(input);
        Path graph = dir.resolve("graph.xml");
        Path dot = dir.resolve("graph.dot");
        Path saved = dir.resolve("input-copy.xml");
        Path output = dir.resolve("output.xml");

        SimulateRun run = run("-x", input.toString(), "-S", "-G", graph.toString(), "-D", dot.toString(),
                "-I", saved.toString(), "-O", output.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
        String graphXml = Files.readString(graph);
        assertThat(graphXml).startsWith("<transition_graph cluster-delay=\"60s\" stonith-timeout=\"60s\"")
                .contains("<rsc_op id=\"", "operation=\"start\" operation_key=\"rsc1_start_0\" on_node=\"node1\""
                        + " on_node_uuid=\"1\">",
                        "<primitive id=\"rsc1\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\"/>",
                        "CRM_meta_timeout=\"20000\"", "configfile=\"/etc/apache2/apache2.conf\"",
                        "<primitive id=\"cr\" long-id=\"cr:0\" class=\"ocf\"", "CRM_meta_clone=\"0\"");
        assertThat(CibXml.parseElement(graphXml, "graph").getTagName()).isEqualTo("transition_graph");
        assertThat(Files.readString(dot)).startsWith(" digraph \"g\" {\n")
                .contains("\"rsc1_start_0 node1\" [ style=bold color=\"green\" fontcolor=\"black\"]\n")
                .endsWith("}\n");
        assertThat(CibXml.parse(saved).root().getAttribute("epoch")).isEqualTo("1");
        CibDocument after = CibXml.parse(output);
        assertThat(CibXml.toXml(after)).contains("operation_key=\"rsc1_start_0\"", "operation_key=\"g2_start_0\"");
    }

    @Test
    void aMoveStopsBeforeItStartsInTheGraphAndTheRun() throws Exception {
        Path graph = dir.resolve("graph.xml");
        Path dot = dir.resolve("graph.dot");

        SimulateRun run = run("-x", cib("node-states.xml").toString(), "-S", "-G", graph.toString(), "-D",
                dot.toString());

        String executed = run.section("Executing Cluster Transition");
        assertThat(executed.indexOf("web             stop on node2"))
                .isLessThan(executed.indexOf("web             start on node10"));
        assertThat(Files.readString(dot)).contains("\"web_stop_0 node2\" -> \"web_start_0 node10\" [ style = bold]\n",
                "\"stonith 'reboot' node4\" [ style=bold color=\"green\" fontcolor=\"black\"]\n");
        assertThat(Files.readString(graph)).contains("<crm_event id=\"", "operation=\"stonith\""
                + " operation_key=\"stonith-node4-reboot\" on_node=\"node4\" on_node_uuid=\"4\">",
                "CRM_meta_stonith_action=\"reboot\"", "<downed>\n", "<node id=\"4\"/>",
                "<trigger>\n        <rsc_op id=\"1\" operation=\"stop\" operation_key=\"web_stop_0\"");
    }

    @Test
    void theSimulatedCibReadsBackAsTheRevisedStatus() throws Exception {
        Path output = dir.resolve("output.xml");
        SimulateRun first = run("-x", ONE_NODE, "-S", "-O", output.toString());

        SimulateRun second = run("-x", output.toString(), "-S");

        assertThat(second.section("Current cluster status")).isEqualTo(first.section("Revised Cluster Status"));
        assertThat(second.section("Transition Summary")).isEmpty();
        assertThat(second.section("Revised Cluster Status")).as("nothing done: the status as it was")
                .isEqualTo(second.section("Current cluster status"));
    }

    @Test
    void readsStandardInputWithPAndTheFileNamedByCibFile() throws Exception {
        String text = Files.readString(cib("one-node-up.xml"));

        SimulateRun piped = run(Map.of(), text, "-p");
        SimulateRun named = run(Map.of("CIB_file", ONE_NODE), "");

        assertThat(piped.exitCode()).isZero();
        assertThat(piped.out()).isEqualTo(run("-x", ONE_NODE).out()).isEqualTo(named.out());
    }

    @Test
    void showAttrsListsEachOnlineNodesOwnAttributesInBothStatuses() {
        SimulateRun run = run("-x", cib("node-states.xml").toString(), "-S", "-A");

        String attributes = """

                  * Node Attributes:
                    * Node: node1:
                      * rack                            \t: r1       \s
                    * Node: node5:
                      * maintenance                     \t: true     \s
                    * Node: node10:
                      * an-attribute-name-longer-than-32\t: a-value-longer-than-10
                      * pingd                           \t: 100      \s
                """;
        assertThat(run.section("Current cluster status")).endsWith(
                "    * web\t(ocf:heartbeat:apache):\t Started node2\n" + attributes);
        assertThat(run.section("Revised Cluster Status")).endsWith(attributes);
    }

    @Test
    void profileTimesTheSchedulerOnEachFileOfADirectory() throws Exception {
        Files.copy(cib("one-node-up.xml"), dir.resolve("b.xml"));
        Files.copy(cib("node-states.xml"), dir.resolve("a.xml"));
        Files.writeString(dir.resolve("notes.txt"), "not a CIB");

        SimulateRun run = run("-P", dir.toString(), "-N", "3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("Timings:\n  \\* Testing \\S+a\\.xml \\.\\.\\. \\d+\\.\\d\\d secs\n"
                + "  \\* Testing \\S+b\\.xml \\.\\.\\. \\d+\\.\\d\\d secs\n");
    }

    @Test
    void helpNamesTheOptions() {
        SimulateRun run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--xml-file", "--simulate", "--op-inject", "--save-graph", "OPSPEC is"
                + " RESOURCE_TASK_INTERVAL@NODE=RC");
        assertThat(run.out().lines()).allMatch(line -> line.length() <= 80);
    }

    private static java.util.List<String> collapsed(String section) {
        return section.lines().map(line -> String.join(" ", line.trim().split("\\s+"))).toList();
    }
}
