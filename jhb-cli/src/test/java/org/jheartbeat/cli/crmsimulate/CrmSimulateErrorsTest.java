package org.jheartbeat.cli.crmsimulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.cib;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.run;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.runLoadingEarly;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and bad options: a message that names the problem and what to do, and Pacemaker's exit status. */
class CrmSimulateErrorsTest {

    private static final String ONE_NODE = cib("one-node-up.xml").toString();

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNoInput() {
        Path missing = dir.resolve("nope.xml");

        SimulateRun run = run("-x", missing.toString(), "-S");

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).startsWith("crm_simulate: " + missing + ": no such file. Check the path");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void xmlThatIsNotWellFormedIsADataErrorNamingTheLine() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.xml"),
                "<cib>\n  <configuration>\n    <nodes x=\"1></nodes>\n</cib>\n");

        SimulateRun run = run("-x", broken.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).startsWith("crm_simulate: " + broken + ":3");
    }

    @Test
    void emptyStandardInputIsNoInput() {
        SimulateRun run = run("-p");

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).isEqualTo("crm_simulate: stdin: nothing was piped in. Pipe a CIB, for example"
                + " cibadmin -Q | crm_simulate -p\n");
    }

    @Test
    void noRunningClusterToAskIsDisconnected() {
        SimulateRun run = run("-L", "--state-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(102);
        assertThat(run.err()).startsWith("crm_simulate: cannot read the live CIB: ").contains("read a file with -x FILE");
    }

    @Test
    void aBadOperationSpecIsUsageWithAnExample() {
        SimulateRun run = run("-x", ONE_NODE, "-S", "-i", "rsc1-monitor@node1");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).isEqualTo("crm_simulate: --op-inject rsc1-monitor@node1: it is not"
                + " RESOURCE_TASK_INTERVAL@NODE=RC. Give RESOURCE_TASK_INTERVAL@NODE=RC, for example"
                + " rsc1_monitor_10000@node1=7\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anIntervalMustBeMilliseconds() {
        SimulateRun run = run("-x", ONE_NODE, "-S", "-F", "rsc1_monitor_10s@node1=7");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("--op-fail rsc1_monitor_10s@node1=7: the interval '10s' is not a number of"
                + " milliseconds");
    }

    @Test
    void anUnknownNodeIsNamedWithTheNodesThereAre() {
        SimulateRun run = run("-x", ONE_NODE, "-S", "--node-up", "node9");

        assertThat(run.exitCode()).isEqualTo(105);
        assertThat(run.err()).isEqualTo("crm_simulate: --node-up node9: no such node; the configuration has node1,"
                + " node2\n");
        assertThat(run.out()).doesNotContain("Performing Requested Modifications");
    }

    @Test
    void anInjectionForAnUnknownResourceOrNodeChangesNothing() {
        SimulateRun resource = run("-x", ONE_NODE, "-S", "-u", "node2", "-i", "nosuch_monitor_0@node1=7");
        SimulateRun node = run("-x", ONE_NODE, "-S", "-i", "rsc1_monitor_0@node7=7");

        assertThat(resource.exitCode()).isEqualTo(105);
        assertThat(resource.err()).contains("nosuch: no such resource");
        assertThat(node.exitCode()).isEqualTo(105);
        assertThat(node.err()).contains("node7: no such node");
    }

    @Test
    void aBadDateIsUsage() {
        SimulateRun run = run("-x", ONE_NODE, "-t", "yesterday");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).startsWith("crm_simulate: --set-datetime yesterday: not an ISO 8601 date and time");
    }

    @Test
    void inPlaceIsRefusedBecauseTheInputIsNeverChanged() {
        SimulateRun run = run("-x", ONE_NODE, "-X");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("-X/--in-place is not supported").contains("--save-output FILE");
    }

    @Test
    void optionsWithoutMeaningHereAreRefusedClearly() {
        assertThat(run("-x", ONE_NODE, "-w", "/dev/watchdog").err()).contains("no watchdog-based fencing");
        assertThat(run("-x", ONE_NODE, "-g", "ticketA").err()).contains("has no tickets");
        assertThat(run("-x", ONE_NODE, "--output-as", "xml").exitCode()).isEqualTo(64);
        assertThat(run("-x", ONE_NODE, "-c").err()).contains("-c/--show-failcounts is not supported yet");
    }

    @Test
    void profileNeedsADirectoryAndRepeatNeedsProfile() {
        assertThat(run("-P", dir.resolve("none").toString()).exitCode()).isEqualTo(66);
        assertThat(run("-x", ONE_NODE, "-N", "2").err()).startsWith("crm_simulate: --repeat only applies to"
                + " --profile DIR");
        assertThat(run("-P", dir.toString(), "-x", ONE_NODE).err()).contains("choose one data source, not -P and -x");
    }

    @Test
    void oneDataSourceOnly() {
        SimulateRun run = run("-x", ONE_NODE, "-p");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).startsWith("crm_simulate: choose one data source, not -x and -p");
    }

    @Test
    void anUnknownOptionIsUsage() {
        SimulateRun run = run("-x", ONE_NODE, "--bogus");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).startsWith("crm_simulate: Unknown option: '--bogus'");
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsCannotCreate() {
        Path nowhere = dir.resolve("no-such-dir").resolve("graph.xml");

        SimulateRun run = run("-x", ONE_NODE, "-G", nowhere.toString());

        assertThat(run.exitCode()).isEqualTo(73);
        assertThat(run.err()).startsWith("crm_simulate: --save-graph " + nowhere + ": cannot be written");
    }

    @Test
    void aCibThatBreaksTheSchemaIsRefusedNamingTheLine() throws Exception {
        // a primitive without class whose history the scheduler would compare with it
        Path invalid = Files.writeString(dir.resolve("invalid.xml"), Files.readString(Path.of(ONE_NODE))
                .replace("<primitive id=\"g1\" class=\"ocf\" provider", "<primitive id=\"g1\" provider")
                .replace("expected=\"member\"/>", "expected=\"member\"><lrm id=\"1\"><lrm_resources>"
                        + "<lrm_resource id=\"g1\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">"
                        + "<lrm_rsc_op id=\"g1_last_0\" operation_key=\"g1_start_0\" operation=\"start\""
                        + " call-id=\"1\" rc-code=\"0\" op-status=\"0\" interval=\"0\""
                        + " transition-magic=\"0:0;1:1:0:x\"/></lrm_resource></lrm_resources></lrm></node_state>"));

        SimulateRun run = run("-x", invalid.toString(), "-S");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).isEqualTo("crm_simulate: " + invalid + " is not a valid CIB, so nothing was simulated"
                + " (correct it; crm_verify -x FILE checks it):\n"
                + "error: " + invalid + ":19: element <primitive id=\"g1\">: missing required attribute 'class'; add"
                + " class=\"...\" (e.g. class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"), or name a template=\"...\"\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aConstraintNamingNoResourceIsRefused() throws Exception {
        Path dangling = Files.writeString(dir.resolve("dangling.xml"), Files.readString(Path.of(ONE_NODE))
                .replace("<constraints/>", "<constraints><rsc_order id=\"o\" first=\"grp\" then=\"db\"/></constraints>"));

        SimulateRun run = runLoadingEarly("-x", dangling.toString(), "-R");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).endsWith("\nerror: " + dangling + ":26: rsc_order 'o': then=\"db\" names no resource."
                + " Define a resource with id 'db' in <resources> or correct then=\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void validateWithNoneRunsWhatTheSchemaWouldRefuse() throws Exception {
        Path unchecked = Files.writeString(dir.resolve("unchecked.xml"), Files.readString(Path.of(ONE_NODE))
                .replace("validate-with=\"pacemaker-3.9\"", "validate-with=\"none\"")
                .replace("<constraints/>", "<constraints><rsc_order id=\"o\" first=\"grp\" then=\"c\" kind=\"Sometimes\"/></constraints>"));

        SimulateRun run = run("-x", unchecked.toString(), "-R");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Transition Summary:");
    }
}
