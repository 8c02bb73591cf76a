package org.jheartbeat.lrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.common.time.SystemClock;
import org.jheartbeat.lrm.agent.AgentEnvironment;
import org.jheartbeat.lrm.agent.HeartbeatClass;
import org.jheartbeat.lrm.agent.LsbClass;
import org.jheartbeat.lrm.agent.OcfClass;
import org.jheartbeat.lrm.agent.StonithClass;
import org.jheartbeat.lrm.agent.StonithPluginPath;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LRM driving the agents Debian installs: resource-agents, pacemaker-resource-agents, heartbeat, cluster-glue. */
class RealAgentsTest {

    private static final Path OCF_ROOT = Path.of("/usr/lib/ocf");

    @TempDir
    Path dir;

    private final List<OperationEvent> events = new CopyOnWriteArrayList<>();
    private RealLrm real;
    private LocalResourceManager lrm;

    @BeforeEach
    void setUp() throws IOException {
        Prerequisites.require(Files.isExecutable(OCF_ROOT.resolve("resource.d/heartbeat/Dummy")),
                "resource-agents (ocf:heartbeat:Dummy)");
        AgentEnvironment environment = AgentEnvironment.agentsOnly(OCF_ROOT, Files.createDirectory(dir.resolve("rsctmp")));
        Path initDirectory = Files.createDirectory(dir.resolve("init.d"));
        Path resourceDirectory = Files.createDirectory(dir.resolve("resource.d"));
        real = new RealLrm(dir.resolve("exec"), launcher -> List.of(
                new OcfClass(environment, launcher),
                new LsbClass(initDirectory, environment, launcher),
                new HeartbeatClass(resourceDirectory, environment, launcher),
                new StonithClass(Path.of("/usr/sbin/stonith"), StonithPluginPath.NONE, environment, launcher, SystemClock.INSTANCE)),
                4, events::add);
        lrm = real.lrm;
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (real != null) {
            real.close();
        }
    }

    @Test
    void heartbeatDummyThroughItsLife() throws Exception {
        register("d1", "ocf:heartbeat:Dummy", Map.of());

        assertThat(codes("d1", "monitor", "start", "monitor", "start", "stop", "monitor"))
                .containsExactly(7, 0, 0, 0, 0, 7);
    }

    @Test
    void dummyValidatesReloadsAndMigrates() throws Exception {
        register("d1", "ocf:heartbeat:Dummy", Map.of());
        Map<String, String> migration = Map.of("migrate_source", "node1", "migrate_target", "node2");

        assertThat(codes("d1", "validate-all", "start", "reload")).containsExactly(0, 0, 0);
        assertThat(run("d1", new OperationRequest("migrate_to", 0, 20_000, migration, Map.of(), null)).rc()).isZero();
        assertThat(codes("d1", "monitor")).containsExactly(OcfCodes.NOT_RUNNING);
        assertThat(run("d1", new OperationRequest("migrate_from", 0, 20_000, migration, Map.of(), null)).rc()).isZero();
        assertThat(codes("d1", "monitor", "stop")).containsExactly(0, 0);
    }

    @Test
    void aRecurringMonitorOfAStoppedDummyGivesTheAgentsExitReason() throws Exception {
        register("d1", "ocf:heartbeat:Dummy", Map.of());

        OperationResult result = run("d1", OperationRequest.of("monitor", 10_000, 20_000));

        assertThat(result.rc()).isEqualTo(OcfCodes.NOT_RUNNING);
        assertThat(result.exitReason()).isEqualTo("No process state file found");
        lrm.cancel("d1", "monitor", 10_000).get(10, TimeUnit.SECONDS);
    }

    @Test
    void statefulIsPromotedAndDemoted() throws Exception {
        Prerequisites.require(Files.isExecutable(OCF_ROOT.resolve("resource.d/pacemaker/Stateful")),
                "pacemaker-resource-agents (ocf:pacemaker:Stateful)");
        register("ms1:0", "ocf:pacemaker:Stateful", Map.of("state", dir.resolve("ms1.state").toString()));
        Map<String, String> meta = Map.ofEntries(Map.entry("clone", "0"), Map.entry("clone_max", "2"),
                Map.entry("clone_node_max", "1"), Map.entry("promotable", "true"), Map.entry("promoted_max", "1"),
                Map.entry("promoted_node_max", "1"), Map.entry("globally_unique", "false"), Map.entry("notify", "true"),
                Map.entry("notify_type", "pre"), Map.entry("notify_operation", "promote"),
                Map.entry("notify_promote_resource", "ms1:0"), Map.entry("notify_promote_uname", "node1"));

        int[] codes = new int[9];
        String[] actions = {"monitor", "start", "notify", "promote", "monitor", "demote", "monitor", "stop", "monitor"};
        for (int i = 0; i < actions.length; i++) {
            codes[i] = run("ms1:0", new OperationRequest(actions[i], 0, 20_000, meta, Map.of(), null)).rc();
        }

        assertThat(codes).containsExactly(7, 0, 0, 0, 8, 0, 0, 0, 7);
    }

    @Test
    void twoMonitorsAskedAtOnceRunOneAfterTheOther() throws Exception {
        Prerequisites.require(Files.isExecutable(OCF_ROOT.resolve("resource.d/pacemaker/Dummy")),
                "pacemaker-resource-agents (ocf:pacemaker:Dummy)");
        register("p1", "ocf:pacemaker:Dummy", Map.of("state", dir.resolve("p1.state").toString(), "op_sleep", "1"));
        run("p1", OperationRequest.of("start", 0, 20_000));

        CompletableFuture<OperationResult> first = lrm.execute("p1", OperationRequest.of("monitor", 0, 20_000));
        CompletableFuture<OperationResult> second = lrm.execute("p1", OperationRequest.of("monitor", 0, 20_000));

        // the agent answers "alternate universe collision" (rc 1) to a monitor that overlaps another
        assertThat(first.get(30, TimeUnit.SECONDS).rc()).isZero();
        assertThat(second.get(30, TimeUnit.SECONDS).rc()).isZero();
    }

    @Test
    void anAgentThatIgnoresSigtermIsKilledAtItsTimeout() throws Exception {
        Prerequisites.require(Files.isExecutable(OCF_ROOT.resolve("resource.d/pacemaker/Dummy")),
                "pacemaker-resource-agents (ocf:pacemaker:Dummy)");
        register("p1", "ocf:pacemaker:Dummy", Map.of("state", dir.resolve("p1.state").toString()));
        run("p1", OperationRequest.of("start", 0, 20_000));
        register("p1", "ocf:pacemaker:Dummy", Map.of("state", dir.resolve("p1.state").toString(), "op_sleep", "30"));

        OperationResult result = run("p1", OperationRequest.of("monitor", 0, 1_000));

        assertThat(result.status()).isEqualTo(OpStatus.TIMEOUT);
        assertThat(result.rc()).isEqualTo(OcfCodes.ERR_GENERIC);
        assertThat(result.exitReason()).contains("timed out after 1000 ms");
    }

    @Test
    void aMissingAgentIsNotInstalled() throws Exception {
        register("x", "ocf:heartbeat:NoSuchAgent", Map.of());

        OperationResult result = run("x", OperationRequest.of("start", 0, 20_000));

        assertThat(result.rc()).isEqualTo(OcfCodes.ERR_INSTALLED);
        assertThat(result.status()).isEqualTo(OpStatus.NOT_INSTALLED);
        assertThat(result.exitReason()).contains("/usr/lib/ocf/resource.d/heartbeat/NoSuchAgent does not exist");
    }

    @Test
    void metaDataComesFromTheAgent() throws Exception {
        register("d1", "ocf:heartbeat:Dummy", Map.of());

        OperationResult result = run("d1", OperationRequest.of("meta-data", 0, 20_000));

        assertThat(result.rc()).isZero();
        assertThat(result.output()).contains("<resource-agent name=\"Dummy\"");
    }

    @Test
    void anLsbScriptsStatusCodesMeanRunningOrStopped() throws Exception {
        Path flag = dir.resolve("lsb-running");
        script("init.d", "lsbtest", "case \"$1\" in",
                "start) touch " + flag + "; exit 0;;",
                "stop) rm -f " + flag + "; exit 0;;",
                "status) [ -e " + flag + " ] && exit 0; exit 3;;",
                "*) exit 2;;", "esac");
        register("l1", "lsb:lsbtest", Map.of());

        assertThat(codes("l1", "monitor", "start", "monitor", "stop", "monitor", "reload"))
                .containsExactly(7, 0, 0, 0, 7, 2);
    }

    @Test
    void aHeartbeatClassScriptGetsItsArgumentsFirstAndIsJudgedByItsOutput() throws Exception {
        // status always exits 0, as many old scripts do: only the words it prints tell
        script("resource.d", "hbtest", "flag=" + dir + "/hb-$1", "case \"$2\" in",
                "start) touch $flag;;", "stop) rm -f $flag;;",
                "status) if [ -e $flag ]; then echo \"hbtest $1 is running\"; else echo \"hbtest $1 is stopped\"; fi;;",
                "esac", "exit 0");
        register("hb", "heartbeat:hbtest", Map.of("1", "one"));

        assertThat(codes("hb", "monitor", "start", "monitor", "stop", "monitor")).containsExactly(7, 0, 0, 0, 7);
        assertThat(dir.resolve("hb-one")).doesNotExist();
    }

    @Test
    void theNullStonithPluginRunsOnceStarted() throws Exception {
        Prerequisites.require(Files.isExecutable(Path.of("/usr/sbin/stonith")), "cluster-glue (stonith)");
        register("fence-null", "stonith:null", Map.of("hostlist", "node1 node2"));

        assertThat(codes("fence-null", "monitor", "start", "monitor", "stop", "monitor")).containsExactly(7, 0, 0, 0, 7);
    }

    @Test
    void anExternalStonithScriptRunsThroughTheStonithCommand() throws Exception {
        Prerequisites.require(Files.isExecutable(Path.of("/usr/lib/stonith/plugins/external/ssh")),
                "cluster-glue (external/ssh)");
        register("fence-ssh", "stonith:external/ssh", Map.of("hostlist", "127.0.0.1"));

        assertThat(codes("fence-ssh", "start", "monitor", "stop")).containsExactly(0, 0, 0);
    }

    @Test
    void anUnknownStonithTypeFailsToStartWithThePluginsCode() throws Exception {
        Prerequisites.require(Files.isExecutable(Path.of("/usr/sbin/stonith")), "cluster-glue (stonith)");
        register("fence-bad", "stonith:nosuchtype", Map.of("hostlist", "node1"));

        OperationResult result = run("fence-bad", OperationRequest.of("start", 0, 20_000));

        assertThat(result.rc()).isEqualTo(OcfCodes.ERR_GENERIC);
        assertThat(result.exitReason()).contains("S_OOPS");
    }

    private void register(String id, String agent, Map<String, String> parameters) throws Exception {
        lrm.register(new ResourceDefinition(id, AgentId.parse(agent), parameters)).get(10, TimeUnit.SECONDS);
    }

    private OperationResult run(String id, OperationRequest operation) throws Exception {
        return lrm.execute(id, operation).get(60, TimeUnit.SECONDS);
    }

    private int[] codes(String id, String... actions) throws Exception {
        int[] codes = new int[actions.length];
        for (int i = 0; i < actions.length; i++) {
            codes[i] = run(id, OperationRequest.of(actions[i], 0, 20_000)).rc();
        }
        return codes;
    }

    private void script(String directory, String name, String... lines) throws IOException {
        Path script = dir.resolve(directory).resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
