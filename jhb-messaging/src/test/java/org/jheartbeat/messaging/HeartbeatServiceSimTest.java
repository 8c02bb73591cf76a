package org.jheartbeat.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.messaging.wire.MessageTooLargeException;
import org.jheartbeat.messaging.wire.WireCodec;
import org.junit.jupiter.api.Test;

/** Liveness, membership and reliable delivery of several nodes on a simulated network and clock. */
class HeartbeatServiceSimTest {

    private static final long SEED = Long.getLong("sim.seed", 20261125L);

    private static SimCluster threeNodes(List<String> links) {
        SimCluster cluster = new SimCluster(SEED, 3, links);
        cluster.names.forEach(cluster::start);
        cluster.run(Duration.ofSeconds(1));
        return cluster;
    }

    @Test
    void nodesThatHearEachOtherBecomeActiveAndAgreeOnAView() {
        SimCluster cluster = threeNodes(List.of("eth0"));

        for (String observer : cluster.names) {
            for (String node : cluster.names) {
                assertThat(cluster.statusSeenBy(observer, node)).as(observer + " sees " + node)
                        .isEqualTo(NodeStatus.ACTIVE);
            }
            assertThat(cluster.viewOf(observer).members()).containsExactly("node01", "node02", "node03");
            assertThat(cluster.viewOf(observer).quorum()).isTrue();
        }
        long number = cluster.viewOf("node01").number();
        assertThat(cluster.names).allSatisfy(n -> assertThat(cluster.viewOf(n).number()).isEqualTo(number));
    }

    @Test
    void aSilentNodeIsDeclaredDeadAtDeadtimeAndNotBefore() {
        SimCluster cluster = threeNodes(List.of("eth0"));

        try (LogCapture log = new LogCapture()) {
            cluster.kill("node03");
            cluster.run(SimCluster.DEADTIME.minus(SimCluster.KEEPALIVE));
            assertThat(cluster.statusSeenBy("node01", "node03")).isEqualTo(NodeStatus.ACTIVE);
            assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN: No heartbeat from node node03 for"))
                    .as("one warning per observer at warntime").hasSize(2);
        }

        cluster.run(SimCluster.KEEPALIVE.plusMillis(10));
        assertThat(cluster.statusSeenBy("node01", "node03")).isEqualTo(NodeStatus.DEAD);
        assertThat(cluster.statusSeenBy("node02", "node03")).isEqualTo(NodeStatus.DEAD);
        assertThat(cluster.viewOf("node01").members()).containsExactly("node01", "node02");
        assertThat(cluster.viewOf("node01").quorum()).isTrue();
    }

    @Test
    void aRestartedNodeRejoinsWithItsNewGeneration() {
        SimCluster cluster = threeNodes(List.of("eth0"));
        cluster.kill("node03");
        cluster.run(Duration.ofSeconds(1));
        long viewWithoutIt = cluster.viewOf("node01").number();

        cluster.start("node03");
        cluster.run(Duration.ofSeconds(1));

        assertThat(cluster.statusSeenBy("node01", "node03")).isEqualTo(NodeStatus.ACTIVE);
        assertThat(cluster.viewOf("node03").members()).containsExactly("node01", "node02", "node03");
        assertThat(cluster.viewOf("node01").number()).isGreaterThan(viewWithoutIt);
    }

    @Test
    void aGracefulStopIsSeenAtOnce() {
        SimCluster cluster = threeNodes(List.of("eth0"));

        cluster.node("node02").service().stop();
        cluster.run(SimCluster.KEEPALIVE);

        assertThat(cluster.statusSeenBy("node01", "node02")).isEqualTo(NodeStatus.DEAD);
    }

    @Test
    void aNodeStaysAliveWhileAnyLinkCarriesItsHeartbeats() {
        SimCluster cluster = threeNodes(List.of("eth0", "eth1"));

        cluster.network.linkDown(SimTransport.endpoint("node03", "eth0"));
        cluster.run(Duration.ofSeconds(2));
        MessagingSnapshot.Node seen = cluster.snapshot("node01").nodes().get(2);
        assertThat(seen.status()).isEqualTo(NodeStatus.ACTIVE);
        assertThat(seen.links()).containsEntry("eth0", false).containsEntry("eth1", true);

        cluster.network.linkDown(SimTransport.endpoint("node03", "eth1"));
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.statusSeenBy("node01", "node03")).isEqualTo(NodeStatus.DEAD);

        cluster.network.linkUp(SimTransport.endpoint("node03", "eth0"));
        cluster.run(Duration.ofSeconds(1));
        seen = cluster.snapshot("node01").nodes().get(2);
        assertThat(seen.status()).isEqualTo(NodeStatus.ACTIVE);
        assertThat(seen.links()).containsEntry("eth0", true).containsEntry("eth1", false);
    }

    @Test
    void aPartitionSplitsTheViewAndOnlyTheMajorityKeepsQuorum() {
        SimCluster cluster = threeNodes(List.of("eth0"));

        for (String other : List.of("node02", "node03")) {
            cluster.network.partition(SimTransport.endpoint("node01", "eth0"), SimTransport.endpoint(other, "eth0"));
        }
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.viewOf("node01").members()).containsExactly("node01");
        assertThat(cluster.viewOf("node01").quorum()).isFalse();
        assertThat(cluster.viewOf("node02").members()).containsExactly("node02", "node03");
        assertThat(cluster.viewOf("node02").quorum()).isTrue();

        for (String other : List.of("node02", "node03")) {
            cluster.network.heal(SimTransport.endpoint("node01", "eth0"), SimTransport.endpoint(other, "eth0"));
        }
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.names).allSatisfy(n -> assertThat(cluster.viewOf(n).members()).hasSize(3));
    }

    @Test
    void whenOnlyOneLinkBetweenTwoPeersBreaksTheViewDropsOneOfThem() {
        SimCluster cluster = threeNodes(List.of("eth0"));

        cluster.network.partition(SimTransport.endpoint("node02", "eth0"), SimTransport.endpoint("node03", "eth0"));
        cluster.run(Duration.ofSeconds(1));

        // node01 hears both, but they do not hear each other: every node agrees on the same two.
        assertThat(cluster.viewOf("node01").members()).containsExactly("node01", "node02");
        assertThat(cluster.viewOf("node02").members()).containsExactly("node01", "node02");
        assertThat(cluster.viewOf("node03").members()).doesNotContain("node02");
    }

    @Test
    void aNodeWithAnotherSecretNeverJoins() {
        SimCluster cluster = new SimCluster(SEED, 3, List.of("eth0"));
        cluster.start("node01");
        cluster.start("node02");
        cluster.start("node03", SimCluster.keys("wrong"));
        cluster.run(Duration.ofSeconds(3));

        assertThat(cluster.statusSeenBy("node01", "node03")).isEqualTo(NodeStatus.DEAD);
        assertThat(cluster.statusSeenBy("node03", "node01")).isEqualTo(NodeStatus.DEAD);
        assertThat(cluster.viewOf("node01").members()).containsExactly("node01", "node02");
        assertThat(cluster.viewOf("node03").quorum()).isFalse();
    }

    @Test
    void clusterMessagesArriveOnceAndInOrderDespiteLossDuplicatesAndJitter() {
        SimCluster cluster = threeNodes(List.of("eth0"));
        cluster.network.setLossRate(0.2);
        cluster.network.setDuplicateRate(0.2);
        cluster.network.setDelay(Duration.ofMillis(1), Duration.ofMillis(30));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            cluster.node("node01").service().send(HaMessage.builder().string("t", "test").string("n", "" + i).build());
            expected.add("node01:" + i);
            cluster.run(Duration.ofMillis(5));
        }
        cluster.run(Duration.ofSeconds(3));

        for (String receiver : Set.of("node02", "node03")) {
            assertThat(cluster.node(receiver).recorder().messages).as("seed %d, %s", SEED, receiver)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(cluster.node("node01").recorder().messages).containsExactlyElementsOf(expected);
    }

    @Test
    void twoNodesKeepQuorumWhenOneDiesOnlyAfterBothWereSeen() {
        SimCluster cluster = new SimCluster(SEED, 2, List.of("eth0"));
        cluster.start("node01");
        cluster.run(Duration.ofSeconds(3));
        assertThat(cluster.viewOf("node01").quorum()).as("alone since start").isFalse();

        cluster.start("node02");
        cluster.run(Duration.ofSeconds(1));
        cluster.kill("node02");
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.viewOf("node01").members()).containsExactly("node01");
        assertThat(cluster.viewOf("node01").quorum()).isTrue();
    }

    @Test
    void replayedPacketsOfADeadNodeDoNotBringItBack() {
        SimCluster cluster = threeNodes(List.of("eth0"));
        String from = SimTransport.endpoint("node03", "eth0");
        List<byte[]> captured = cluster.network.sentBy(from);
        cluster.kill("node03");
        cluster.run(Duration.ofSeconds(1));

        for (byte[] datagram : captured.subList(captured.size() - 5, captured.size())) {
            cluster.network.inject(from, SimTransport.endpoint("node01", "eth0"), datagram);
        }
        cluster.run(Duration.ofMillis(100));

        assertThat(cluster.statusSeenBy("node01", "node03")).isEqualTo(NodeStatus.DEAD);
        assertThat(cluster.snapshot("node01").nodes().get(2).links()).containsEntry("eth0", false);
    }

    @Test
    void packetsOfAnEarlierGenerationAreDroppedAfterARestart() {
        SimCluster cluster = threeNodes(List.of("eth0"));
        String from = SimTransport.endpoint("node03", "eth0");
        List<byte[]> oldGeneration = cluster.network.sentBy(from);
        cluster.kill("node03");
        cluster.start("node03");
        cluster.run(Duration.ofSeconds(1));
        cluster.kill("node03");
        cluster.run(Duration.ofSeconds(1));

        for (byte[] datagram : oldGeneration.subList(oldGeneration.size() - 5, oldGeneration.size())) {
            cluster.network.inject(from, SimTransport.endpoint("node01", "eth0"), datagram);
        }
        cluster.run(Duration.ofMillis(100));

        assertThat(cluster.statusSeenBy("node01", "node03")).isEqualTo(NodeStatus.DEAD);
    }

    @Test
    void aMessageTooLargeForOneDatagramIsRefusedWithAClearError() {
        SimCluster cluster = threeNodes(List.of("eth0"));

        var sent = cluster.node("node01").service().send(HaMessage.builder().string("t", "big")
                .string("payload", "x".repeat(70_000)).build());
        cluster.run(Duration.ofMillis(1));

        assertThat(sent).isCompletedExceptionally();
        assertThatThrownBy(sent::join).hasCauseInstanceOf(MessageTooLargeException.class)
                .hasMessageContaining("60000");
        assertThat(cluster.node("node02").recorder().messages).isEmpty();
    }

    @Test
    void aCorrectlySignedPacketWithAStaleTimestampIsDroppedButAFreshOneIsTaken() {
        SimCluster cluster = threeNodes(List.of("eth0"));
        cluster.kill("node03");
        cluster.run(Duration.ofSeconds(1));
        long now = cluster.scheduler.clock().wallTime().getEpochSecond();
        String from = SimTransport.endpoint("node03", "eth0");
        String to = SimTransport.endpoint("node01", "eth0");

        cluster.network.inject(from, to, forgedStatus(1_000_000, now - 3600));
        cluster.run(Duration.ofMillis(50));
        assertThat(cluster.statusSeenBy("node01", "node03")).as("an hour old").isEqualTo(NodeStatus.DEAD);

        cluster.network.inject(from, to, forgedStatus(1_000_001, now));
        cluster.run(Duration.ofMillis(50));
        assertThat(cluster.statusSeenBy("node01", "node03")).as("current").isEqualTo(NodeStatus.ACTIVE);
    }

    @Test
    void aCorrectlySignedPacketFromAnAddressTheNodeDoesNotHaveIsDropped() {
        SimCluster cluster = threeNodes(List.of("eth0"));
        cluster.kill("node03");
        cluster.run(Duration.ofSeconds(1));
        long now = cluster.scheduler.clock().wallTime().getEpochSecond();

        cluster.network.inject(SimTransport.endpoint("node02", "eth0"), SimTransport.endpoint("node01", "eth0"),
                forgedStatus(1_000_000, now));
        cluster.run(Duration.ofMillis(50));

        assertThat(cluster.statusSeenBy("node01", "node03")).as("claims node03, comes from node02's address")
                .isEqualTo(NodeStatus.DEAD);
    }

    /** A status of node03's first generation, signed with the cluster key, as a thief of the key could send. */
    private static byte[] forgedStatus(long seq, long timestamp) {
        HaMessage status = HaMessage.builder().string("t", "status").string("st", "active").hex("dt", 500)
                .string("protocol", "1").string("src", "node03").binary("srcuuid", new byte[16]).hex("seq", seq)
                .hex("hg", 1000).hex("ts", timestamp).decimal("ttl", 4).build();
        return WireCodec.encode(status, SimCluster.keys("s3cr3t").active(), true);
    }

    @Test
    void aNodeMissingFromTheNodeLinesJoinsOnlyWhereAutojoinIsOn() {
        SimCluster cluster = new SimCluster(SEED, 3, List.of("eth0"));
        List<String> withoutNode03 = List.of("node01", "node02");
        cluster.start("node01", SimCluster.keys("s3cr3t"), withoutNode03, true);
        cluster.start("node02", SimCluster.keys("s3cr3t"), withoutNode03, false);
        cluster.start("node03");
        cluster.run(Duration.ofSeconds(2));

        assertThat(cluster.snapshot("node01").nodes()).extracting(MessagingSnapshot.Node::name).contains("node03");
        assertThat(cluster.statusSeenBy("node01", "node03")).isEqualTo(NodeStatus.ACTIVE);
        assertThat(cluster.snapshot("node02").nodes()).extracting(MessagingSnapshot.Node::name)
                .doesNotContain("node03");
        assertThat(cluster.viewOf("node02").members()).containsExactly("node01", "node02");
    }

    @Test
    void membersAgreeOnOneDcWhichMovesOnlyWhenItLeaves() {
        SimCluster cluster = threeNodes(List.of("eth0"));
        assertThat(cluster.names).allSatisfy(n -> assertThat(cluster.viewOf(n).dc()).isEqualTo("node01"));

        cluster.kill("node01");
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.viewOf("node02").dc()).isEqualTo("node02");
        assertThat(cluster.viewOf("node03").dc()).isEqualTo("node02");

        cluster.start("node01");
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.names).as("a joining node does not take the DC over")
                .allSatisfy(n -> assertThat(cluster.viewOf(n).dc()).isEqualTo("node02"));
    }

    @Test
    void partitionsElectTheirOwnDcAndKeepOneWhenTheyMerge() {
        SimCluster cluster = threeNodes(List.of("eth0"));
        for (String other : List.of("node02", "node03")) {
            cluster.network.partition(SimTransport.endpoint("node01", "eth0"), SimTransport.endpoint(other, "eth0"));
        }
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.viewOf("node01").dc()).isEqualTo("node01");
        assertThat(cluster.viewOf("node03").dc()).isEqualTo("node02");

        for (String other : List.of("node02", "node03")) {
            cluster.network.heal(SimTransport.endpoint("node01", "eth0"), SimTransport.endpoint(other, "eth0"));
        }
        cluster.run(Duration.ofSeconds(1));
        String dc = cluster.viewOf("node01").dc();
        assertThat(cluster.names).allSatisfy(n -> assertThat(cluster.viewOf(n).dc()).isEqualTo(dc));
    }
}
