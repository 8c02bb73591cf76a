package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cibadmin against a running daemon: changes are answered once on disk and survive a restart;
 * crm_verify and crm_simulate read the same CIB with -L.
 */
class CibadminLiveIT {

    private static final String VIP = "<primitive id=\"vip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\">"
            + "<instance_attributes id=\"vip-ia\"><nvpair id=\"vip-ip\" name=\"ip\" value=\"127.0.0.9\"/>"
            + "</instance_attributes></primitive>";

    @TempDir
    Path base;

    private NodeProcess node;

    @AfterEach
    void kill() throws Exception {
        node.close();
    }

    @Test
    void changesMadeWithCibadminAreServedAndSurviveARestart() throws Exception {
        node = new NodeProcess("solo", base.resolve("solo"), List.of());
        ClusterFiles.write(node, List.of("keepalive 100ms", "deadtime 1", "initdead 12", "udpport 26942",
                "ucast lo 127.0.0.1", "ucast lo 127.0.0.2", "nodeaddr solo 127.0.0.1", "node solo other", "crm on"),
                "cib");
        node.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> node.stateDir().resolve("heartbeat.sock").toFile().exists());

        NodeProcess.ToolResult created = node.cibadmin("-C", "-o", "resources", "-X", VIP);
        assertThat(created.exitCode()).as(created.output()).isZero();
        NodeProcess.ToolResult again = node.cibadmin("-C", "-o", "resources", "-X", VIP);
        assertThat(again.exitCode()).isEqualTo(108);
        assertThat(again.output()).contains("Call failed: Requested item already exists");
        assertThat(node.cibadmin("-M", "-X", "<nvpair id=\"vip-ip\" value=\"127.0.0.10\"/>").exitCode()).isZero();

        assertThat(node.heartbeat("-k").exitCode()).isZero();
        node.awaitExit();
        node.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> node.stateDir().resolve("heartbeat.sock").toFile().exists());

        NodeProcess.ToolResult query = node.cibadmin("-Q", "-o", "resources");
        assertThat(query.exitCode()).isZero();
        assertThat(query.output()).contains("<primitive id=\"vip\"").contains("value=\"127.0.0.10\"");
        assertThat(node.cibadmin("-Q", "--xpath", "//primitive[@id='none']").exitCode()).isEqualTo(105);

        NodeProcess.ToolResult verified = node.crmVerify("-L", "-V");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        NodeProcess.ToolResult simulated = node.crmSimulate("-L", "-R");
        assertThat(simulated.exitCode()).as(simulated.output()).isZero();
        assertThat(simulated.output()).startsWith("Current cluster status:\n")
                .contains("    * vip\t(ocf:heartbeat:IPaddr2):\t ").contains("\nTransition Summary:\n");
        node.cibadmin("-C", "-o", "constraints", "-X", "<rsc_location id=\"loc\" rsc=\"nothere\" node=\"solo\" "
                + "score=\"100\"/>");
        NodeProcess.ToolResult broken = node.crmVerify("-L");
        assertThat(broken.exitCode()).isEqualTo(78);
        assertThat(broken.output()).contains("nothere");
    }

    @Test
    void withoutADaemonCibadminSaysItCannotConnect() throws Exception {
        node = new NodeProcess("solo", base.resolve("solo"), List.of());
        ClusterFiles.write(node, List.of("node solo"), "cib");
        java.nio.file.Files.createDirectories(node.stateDir());

        NodeProcess.ToolResult query = node.cibadmin("-Q");

        assertThat(query.exitCode()).isEqualTo(102);
        assertThat(query.output()).contains("Call failed: Not connected").contains("not running");
    }
}
