package org.jheartbeat.cli.clstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.client.ipc.IpcMessages;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.MembershipView;
import org.jheartbeat.client.status.NodeView;
import org.jheartbeat.common.time.SystemClock;
import org.jheartbeat.daemon.ipc.IpcServer;
import org.jheartbeat.daemon.ipc.RequestDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClStatusMainTest {

    private static final String LOG_PREFIX = "^[A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} \\S+ cl_status: \\[\\d+\\]: ERROR: ";

    @TempDir
    Path stateDir;

    private IpcServer server;

    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Map<String, String> links(String... pairs) {
        Map<String, String> links = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            links.put(pairs[i], pairs[i + 1]);
        }
        return links;
    }

    private static HeartbeatView view(boolean commUp, String managedBy) {
        return new HeartbeatView("3.0.6 (jheartbeat 0.1.0)", "node01", managedBy, commUp,
                List.of(new NodeView("node01", "normal", "active", links("eth0", "up", "eth1", "dead"), 100),
                        new NodeView("node02", "normal", "dead", links("eth0", "dead", "eth1", "dead"), 100),
                        new NodeView("10.0.0.254", "ping", "ping", links("10.0.0.254", "up"), 100)),
                Map.of("keepalive", "200ms", "deadtime", "1", "warntime", "500ms", "crm", "respawn"),
                "local", Map.of("node01", List.of("ipfail")), new MembershipView(3, List.of("node01"), true, "node01"), Map.of());
    }

    private void serve(HeartbeatView view) throws Exception {
        server = IpcServer.start(stateDir.resolve("heartbeat.sock"),
                new RequestDispatcher().on("status", (body, who) -> CompletableFuture.completedFuture(IpcMessages.MAPPER.valueToTree(view))),
                who -> Optional.empty(), SystemClock.INSTANCE);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Run clStatus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withState = new String[args.length + 2];
        withState[0] = "--state-dir";
        withState[1] = stateDir.toString();
        System.arraycopy(args, 0, withState, 2, args.length);
        int exitCode = ClStatusMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(withState);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run running(String... args) throws Exception {
        serve(view(true, "haresources"));
        return clStatus(args);
    }

    @Test
    void hbstatusRunning() throws Exception {
        assertThat(running("hbstatus")).isEqualTo(new Run(0, "Heartbeat is running on this machine.\n", ""));
    }

    @Test
    void hbstatusVerboseShowsVersionManagerNodesAndLinks() throws Exception {
        assertThat(running("hbstatus", "-v").out()).isEqualTo("""
                Heartbeat is running on this machine.
                version:\t3.0.6 (jheartbeat 0.1.0)
                managed by:\t"haresources"

                10.0.0.254\tping\t(nodetype: ping)
                \t10.0.0.254\tup

                node02\tdead\t(nodetype: normal)
                \teth0\tdead
                \teth1\tdead

                node01\tactive\t(nodetype: normal)
                \teth0\tup
                \teth1\tdead
                """);
    }

    @Test
    void hbstatusVerboseUnderPacemaker() throws Exception {
        serve(view(true, "crm"));

        assertThat(clStatus("hbstatus", "-v").out()).contains("managed by:\tpacemaker\t(respawn)\n");
    }

    @Test
    void hbstatusWithoutDaemon() {
        Run run = clStatus("hbstatus");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Heartbeat is stopped on this machine.\n");
        assertThat(run.errLines()).singleElement().asString().matches(LOG_PREFIX
                + "REASON: heartbeat is not running on this node \\(no socket at .*heartbeat.sock\\)");
    }

    @Test
    void hbstatusVerboseWithoutDaemonGivesTheReasonInParentheses() {
        Run run = clStatus("hbstatus", "-v");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Heartbeat is stopped on this machine.\n(heartbeat is not running on this node (no socket at "
                + stateDir.resolve("heartbeat.sock") + "))\n");
    }

    @Test
    void daemonWhoseCommunicationsAreNotUpCountsAsStopped() throws Exception {
        serve(view(false, "haresources"));

        Run run = clStatus("hbstatus");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Heartbeat is stopped on this machine.\n");
        assertThat(run.err()).contains("communications are not up yet");
    }

    @Test
    void otherSubCommandsWithoutDaemonReportFailedSignon() {
        for (String[] args : List.of(new String[] {"listnodes"}, new String[] {"nodestatus", "node01"}, new String[] {"rscstatus"},
                new String[] {"hbparameter", "-p", "keepalive"}, new String[] {"clientstatus", "node01", "ipfail"})) {
            Run run = clStatus(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).hasSize(2);
            assertThat(run.errLines().get(0)).matches(LOG_PREFIX + "Cannot signon with heartbeat");
            assertThat(run.errLines().get(1)).matches(LOG_PREFIX + "REASON: heartbeat is not running on this node \\(no socket at .*\\)");
        }
    }

    @Test
    void listnodesLastConfiguredFirst() throws Exception {
        assertThat(running("listnodes")).isEqualTo(new Run(0, "10.0.0.254\nnode02\nnode01\n", ""));
    }

    @Test
    void listnodesPingOnlyAndNormalOnly() throws Exception {
        serve(view(true, "haresources"));

        assertThat(clStatus("listnodes", "-p")).isEqualTo(new Run(0, "10.0.0.254\n", ""));
        assertThat(clStatus("listnodes", "-n")).isEqualTo(new Run(0, "node02\nnode01\n", ""));
    }

    @Test
    void listnodesRefusesUnknownOptions() throws Exception {
        Run run = running("listnodes", "-x");

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err()).isEqualTo("listnodes: invalid option -- 'x'\n");
    }

    @Test
    void nodestatus() throws Exception {
        serve(view(true, "haresources"));

        assertThat(clStatus("nodestatus", "node01")).isEqualTo(new Run(0, "active\n", ""));
        assertThat(clStatus("nodestatus", "node02")).isEqualTo(new Run(1, "dead\n", ""));
        assertThat(clStatus("nodestatus", "10.0.0.254")).isEqualTo(new Run(0, "ping\n", ""));
    }

    @Test
    void nodestatusOfUnknownNode() throws Exception {
        Run run = running("nodestatus", "node09");

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Error. May be due to incorrect node name\n"
                + "cl_status: no node node09 in this cluster; nodes are: node01, node02, 10.0.0.254\n");
    }

    @Test
    void nodetype() throws Exception {
        serve(view(true, "haresources"));

        assertThat(clStatus("nodetype", "node02")).isEqualTo(new Run(0, "normal\n", ""));
        assertThat(clStatus("nodetype", "10.0.0.254")).isEqualTo(new Run(0, "ping\n", ""));
        assertThat(clStatus("nodetype", "ping").err()).startsWith("Error. May be due to incorrect node name\n");
        assertThat(clStatus("nodetype", "ping").exitCode()).isEqualTo(11);
    }

    @Test
    void nodeweight() throws Exception {
        serve(view(true, "haresources"));

        assertThat(clStatus("nodeweight", "node01")).isEqualTo(new Run(0, "100\n", ""));
        Run unknown = clStatus("nodeweight", "node09");
        assertThat(unknown.exitCode()).isEqualTo(11);
        assertThat(unknown.err()).startsWith("Error. Maybe due to incorrect node name.\n");
    }

    @Test
    void listhblinks() throws Exception {
        serve(view(true, "haresources"));

        assertThat(clStatus("listhblinks", "node01")).isEqualTo(new Run(0, "\teth0\n\teth1\n", ""));
        assertThat(clStatus("listhblinks", "-v", "node01")).isEqualTo(new Run(0, "\teth0\tup\n\teth1\tdead\n", ""));
    }

    @Test
    void listhblinksOfUnknownNode() throws Exception {
        Run run = running("listhblinks", "node09");

        assertThat(run.exitCode()).isEqualTo(13);
        assertThat(run.errLines().get(0)).matches(LOG_PREFIX + "Cannot start heartbeat link interface walk\\.");
        assertThat(run.errLines().get(1)).matches(LOG_PREFIX + "REASON: no node node09 in this cluster; nodes are: node01, node02, 10.0.0.254");
    }

    @Test
    void hblinkstatus() throws Exception {
        serve(view(true, "haresources"));

        assertThat(clStatus("hblinkstatus", "node01", "eth0")).isEqualTo(new Run(0, "up\n", ""));
        assertThat(clStatus("hblinkstatus", "node01", "eth1")).isEqualTo(new Run(1, "dead\n", ""));
    }

    @Test
    void hblinkstatusOfUnknownNodeOrLink() throws Exception {
        serve(view(true, "haresources"));

        Run noLink = clStatus("hblinkstatus", "node01", "eth9");
        assertThat(noLink.exitCode()).isEqualTo(13);
        assertThat(noLink.errLines().get(0)).matches(LOG_PREFIX + "Cannot get heartbeat link status");
        assertThat(noLink.errLines().get(1)).matches(LOG_PREFIX + "REASON: node node01 has no link eth9; its links are: eth0, eth1");
        Run noNode = clStatus("hblinkstatus", "node09", "eth0");
        assertThat(noNode.exitCode()).isEqualTo(13);
        assertThat(noNode.errLines().get(1)).contains("REASON: no node node09 in this cluster");
    }

    @Test
    void clientstatus() throws Exception {
        serve(view(true, "haresources"));

        assertThat(clStatus("clientstatus", "node01", "ipfail")).isEqualTo(new Run(0, "online\n", ""));
        assertThat(clStatus("clientstatus", "node01", "ipfail", "500")).isEqualTo(new Run(0, "online\n", ""));
        assertThat(clStatus("clientstatus", "node01", "crmd")).isEqualTo(new Run(1, "offline\n", ""));
    }

    @Test
    void clientstatusThatCannotBeAnswered() throws Exception {
        serve(view(true, "haresources"));

        for (String[] args : List.of(new String[] {"clientstatus", "node09", "ipfail"},
                new String[] {"clientstatus", "node02", "ipfail"}, new String[] {"clientstatus", "node01", "ipfail", "abc"})) {
            Run run = clStatus(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(13);
            assertThat(run.errLines().get(0)).matches(LOG_PREFIX + "Cannot get heartbeat client ipfail's status");
            assertThat(run.errLines().get(1)).matches(LOG_PREFIX + "REASON: No timely response\\. \\(.+\\)");
        }
    }

    @Test
    void rscstatus() throws Exception {
        assertThat(running("rscstatus")).isEqualTo(new Run(0, "local\n", ""));
    }

    @Test
    void hbparameter() throws Exception {
        serve(view(true, "haresources"));

        assertThat(clStatus("hbparameter", "-p", "keepalive")).isEqualTo(new Run(0, "200ms\n", ""));
        assertThat(clStatus("hbparameter", "-p", "deadtime")).isEqualTo(new Run(0, "1\n", ""));
    }

    @Test
    void hbparameterUnknown() throws Exception {
        Run run = running("hbparameter", "-p", "node");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines().get(0)).matches(LOG_PREFIX + "Cannot get parameter node's value");
        assertThat(run.errLines().get(1)).matches(LOG_PREFIX + "REASON: heartbeat has no parameter node; it has: crm, deadtime, keepalive, warntime");
    }

    @Test
    void hbparameterWithoutName() {
        Run run = clStatus("hbparameter", "keepalive");

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.errLines()).singleElement().asString().matches(LOG_PREFIX + "parameter name required");
    }

    @Test
    void missingArgumentsAreReportedAsHeartbeatDoes() {
        Map<String, String> expected = Map.of(
                "nodestatus", "Not enough parameters.\n",
                "nodeweight", "Not enough parameters.\n",
                "nodetype", "No enough parameter.\n",
                "listhblinks", "No enough parameter.\n",
                "hblinkstatus node01", "No enough parameter.\n",
                "clientstatus node01", "No enough parameter.\n");
        expected.forEach((args, err) -> assertThat(clStatus(args.split(" "))).as(args).isEqualTo(new Run(11, "", err)));
    }

    @Test
    void unknownSubCommand() {
        Run run = clStatus("bogus");

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.errLines()).singleElement().asString().matches(LOG_PREFIX + "bogus: invalid sub-command\\.");
    }

    @Test
    void noSubCommandPrintsUsage() {
        Run run = clStatus();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: cl_status").contains("hbstatus", "listnodes", "hbparameter");
    }

    @Test
    void surplusArgumentsAreIgnored() throws Exception {
        assertThat(running("nodestatus", "node01", "extra")).isEqualTo(new Run(0, "active\n", ""));
    }

    @Test
    void stateDirAfterTheSubCommandWorksToo() throws Exception {
        serve(view(true, "haresources"));
        StringWriter out = new StringWriter();

        int exitCode = ClStatusMain.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("rscstatus", "--state-dir", stateDir.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).isEqualTo("local\n");
    }
}
