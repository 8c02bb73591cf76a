package org.jheartbeat.lrm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.common.time.SystemClock;
import org.jheartbeat.exec.ProcessAgentLauncher;
import org.jheartbeat.lrm.AgentId;
import org.jheartbeat.lrm.OcfCodes;
import org.jheartbeat.lrm.OpStatus;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents that misbehave in ways the installed ones rarely do, written by the test under its own OCF root. */
class HandMadeAgentsTest {

    @TempDir
    Path root;

    private ProcessAgentLauncher launcher;
    private OcfClass ocf;

    @BeforeEach
    void setUp() throws IOException {
        launcher = new ProcessAgentLauncher(root.resolve("exec"), 4096, SystemClock.INSTANCE);
        Files.createDirectories(root.resolve("resource.d/test"));
        ocf = new OcfClass(AgentEnvironment.agentsOnly(root, root), launcher);
    }

    @AfterEach
    void tearDown() {
        launcher.close();
    }

    @Test
    void garbageExitCodesAreGenericErrors() throws Exception {
        agent("garbage", "exit 42");

        OperationResult result = run("garbage", "start");

        assertThat(result.rc()).isEqualTo(OcfCodes.ERR_GENERIC);
        assertThat(result.status()).isEqualTo(OpStatus.DONE);
    }

    @Test
    void theDegradedCodesAreKept() throws Exception {
        agent("degraded", "exit 190");

        assertThat(run("degraded", "monitor").rc()).isEqualTo(OcfCodes.DEGRADED);
    }

    @Test
    void aNonExecutableAgentIsAPermissionError() throws Exception {
        Path agent = agent("plain", "exit 0");
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rw-r--r--"));

        OperationResult result = run("plain", "start");

        assertThat(result.rc()).isEqualTo(OcfCodes.ERR_PERM);
        assertThat(result.status()).isEqualTo(OpStatus.ERROR);
        assertThat(result.exitReason()).contains("is not an executable file");
    }

    @Test
    void theReasonAndTheOutputAreKept() throws Exception {
        agent("reasoned", "echo doing it", "echo 'ocf-exit-reason:disk full' >&2", "exit 1");

        OperationResult result = run("reasoned", "start");

        assertThat(result.exitReason()).isEqualTo("disk full");
        assertThat(result.output()).contains("doing it");
    }

    private OperationResult run(String type, String action) throws Exception {
        return ocf.execute(new ResourceDefinition("r1", new AgentId("ocf", "test", type), Map.of()),
                OperationRequest.of(action, 0, 10_000)).get(30, TimeUnit.SECONDS);
    }

    private Path agent(String type, String... lines) throws IOException {
        Path file = root.resolve("resource.d/test").resolve(type);
        Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
