package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real daemons on loopback (127.0.0.1-3), as the demo runs them. */
class LoopbackClusterIT {

    private static final Duration DEADTIME = Duration.ofSeconds(1);

    @TempDir
    Path base;

    private final List<NodeProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.close();
        }
    }

    private List<String> haCf(int port) {
        List<String> lines = new ArrayList<>(List.of("keepalive 100ms", "warntime 500ms", "deadtime 1",
                "initdead 12", "udpport " + port, "node node1 node2 node3", "crm no", "ping 127.0.0.1"));
        for (int i = 1; i <= 3; i++) {
            lines.add("ucast lo 127.0.0." + i);
            lines.add("nodeaddr node" + i + " 127.0.0." + i);
        }
        return lines;
    }

    private int port;

    private void startCluster(String... secrets) throws IOException {
        port = freePort();
        for (int i = 1; i <= 3; i++) {
            NodeProcess node = new NodeProcess("node" + i, base.resolve("node" + i), List.of());
            ClusterFiles.write(node, haCf(port), secrets[i - 1]);
            node.start();
            nodes.add(node);
        }
    }

    private NodeProcess node(int i) {
        return nodes.get(i - 1);
    }

    @Test
    void threeDaemonsSeeEachOtherActiveAndShowItInClStatus() throws Exception {
        startCluster("k3y", "k3y", "k3y");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (NodeProcess observer : nodes) {
                for (String other : List.of("node1", "node2", "node3")) {
                    assertThat(observer.statusOf(other)).as(observer.name + " sees " + other).isEqualTo("active");
                }
            }
        });
        assertThat(node(1).status().membership().members()).containsExactly("node1", "node2", "node3");

        NodeProcess.ToolResult listed = node(2).clStatus("listnodes");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.output().lines()).containsExactlyInAnyOrder("node1", "node2", "node3", "127.0.0.1");
        assertThat(node(2).clStatus("nodetype", "127.0.0.1").output().trim()).isEqualTo("ping");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(node(2).status().attributes()).containsEntry("pingd", "1"));
        assertThat(node(2).clStatus("nodestatus", "127.0.0.1").output().trim()).isEqualTo("ping");
        NodeProcess.ToolResult link = node(2).clStatus("hblinkstatus", "node3", "lo");
        assertThat(link.output().trim()).isEqualTo("up");
        assertThat(node(1).log()).containsPattern("heartbeat\\[\\d+\\]: \\d{4}/\\d\\d/\\d\\d_\\d\\d:\\d\\d:\\d\\d info: "
                + "Status update for node node3: status active");
    }

    @Test
    void aKilledNodeIsDeclaredDeadAndRejoinsWhenRestarted() throws Exception {
        startCluster("k3y", "k3y", "k3y");
        await().atMost(Duration.ofSeconds(30)).until(() -> node(1).statusOf("node3").equals("active"));

        node(3).kill9();
        await().atMost(DEADTIME.multipliedBy(5)).until(() -> node(1).statusOf("node3").equals("dead"));
        assertThat(node(1).log()).contains("WARN: node node3: is dead");
        assertThat(node(2).statusOf("node3")).isEqualTo("dead");
        assertThat(node(1).status().membership().members()).containsExactly("node1", "node2");

        node(3).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> node(1).statusOf("node3").equals("active"));
        assertThat(node(1).log()).contains("Heartbeat restart on node node3");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(node(3).status().membership().members()).containsExactly("node1", "node2", "node3"));
    }

    @Test
    void aNodeWithAWrongSecretNeverJoinsAndDoesNotFloodTheLog() throws Exception {
        startCluster("k3y", "k3y", "wrong");
        await().atMost(Duration.ofSeconds(30)).until(() -> node(1).statusOf("node2").equals("active"));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);

        assertThat(node(1).statusOf("node3")).isIn("dead", "init");
        assertThat(node(1).status().membership().members()).containsExactly("node1", "node2");
        long rejected = node(1).log().lines().filter(l -> l.contains("dropped packet from 127.0.0.3")).count();
        assertThat(rejected).as("rate-limited bad-packet lines").isBetween(1L, 6L);
    }

    @Test
    void sigtermStopsTheDaemonCleanlyAndPeersSeeItGoAtOnce() throws Exception {
        startCluster("k3y", "k3y", "k3y");
        await().atMost(Duration.ofSeconds(30)).until(() -> node(1).statusOf("node2").equals("active"));

        assertThat(node(2).stop()).isZero();

        // "at once" is shown by the reason in the log, not by a clock: a shutdown notice, not a deadtime expiry.
        await().atMost(Duration.ofSeconds(5)).until(() -> node(1).statusOf("node2").equals("dead"));
        assertThat(node(1).log()).contains("Received shutdown notice from 'node2'.");
        assertThat(node(2).log()).contains("Heartbeat shutdown complete.");
        assertThat(node(2).stateDir().resolve("heartbeat.pid")).doesNotExist();
    }

    @Test
    void garbageAndOversizedDatagramsAreDroppedWithoutHarmOrFlood() throws Exception {
        startCluster("k3y", "k3y", "k3y");
        await().atMost(Duration.ofSeconds(30)).until(() -> node(1).statusOf("node2").equals("active"));
        Random random = new Random(7);
        try (DatagramSocket attacker = new DatagramSocket(new InetSocketAddress("127.0.0.9", 0))) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
            for (int i = 0; i < 2000; i++) {
                byte[] junk = new byte[i % 100 == 0 ? 65_000 : 1 + random.nextInt(400)];
                random.nextBytes(junk);
                if (i % 2 == 0) {
                    System.arraycopy("###\n".getBytes(), 0, junk, 0, Math.min(4, junk.length));
                }
                attacker.send(new java.net.DatagramPacket(junk, junk.length, target));
            }
        }
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);

        assertThat(node(1).statusOf("node2")).isEqualTo("active");
        assertThat(node(1).statusOf("node3")).isEqualTo("active");
        assertThat(node(1).log().lines().filter(l -> l.contains("127.0.0.9")).count())
                .as("rate-limited lines about the bad sender").isBetween(1L, 6L);
    }

    private static int freePort() throws SocketException {
        Random random = new Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = 20000 + random.nextInt(20000);
            if (freeOnAll(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free UDP port on 127.0.0.1-3");
    }

    private static boolean freeOnAll(int port) {
        for (int i = 1; i <= 3; i++) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(
                    InetAddress.getLoopbackAddress().getHostAddress().replaceAll("\\d+$", "" + i), port))) {
                socket.getLocalPort();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
