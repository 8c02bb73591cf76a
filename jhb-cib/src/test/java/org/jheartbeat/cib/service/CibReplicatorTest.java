package org.jheartbeat.cib.service;

import org.jheartbeat.cib.model.CibErrorCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibResult;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;

/** Replication among CIB replicas: changes through the DC, patches in order, full copies, highest version wins. */
class CibReplicatorTest {

    private static CibRequest create(String id) {
        return new CibRequest(CibRequest.Operation.CREATE, "resources", null, "<primitive id=\"" + id
                + "\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>", false, false);
    }

    private static boolean has(CibDocument cib, String id) {
        return CibXml.toXml(cib).contains("id=\"" + id + "\"");
    }

    private static CibResult submit(ReplicaCluster cluster, String at, CibRequest request) {
        CompletableFuture<CibResult> result = cluster.replicas.get(at).replicator().submit(request);
        cluster.settle();
        return result.join();
    }

    private static ReplicaCluster threeNodes() {
        ReplicaCluster cluster = new ReplicaCluster("n1", "n2", "n3");
        cluster.view("n1", "n1", "n2", "n3");
        return cluster;
    }

    @Test
    void aChangeMadeOnTheDcReachesEveryMember() {
        ReplicaCluster cluster = threeNodes();

        CibResult result = submit(cluster, "n1", create("a"));

        for (String node : new String[] {"n1", "n2", "n3"}) {
            assertThat(has(cluster.cibOf(node), "a")).as(node).isTrue();
            assertThat(cluster.cibOf(node).version().toString()).isEqualTo(result.version());
        }
    }

    @Test
    void aChangeMadeOnAMemberGoesThroughTheDcAndIsAnsweredThere() {
        ReplicaCluster cluster = threeNodes();

        submit(cluster, "n3", create("b"));

        assertThat(has(cluster.cibOf("n1"), "b")).isTrue();
        assertThat(has(cluster.cibOf("n2"), "b")).isTrue();
        assertThat(cluster.replicas.get("n2").disk()).last().isEqualTo(cluster.cibOf("n1").version().toString());
    }

    @Test
    void aRefusalOnTheDcReachesTheMemberWithItsCode() {
        ReplicaCluster cluster = threeNodes();
        submit(cluster, "n2", create("c"));

        CompletableFuture<CibResult> again = cluster.replicas.get("n2").replicator().submit(create("c"));
        cluster.settle();

        assertThatThrownBy(again::join).hasCauseInstanceOf(CibRequestException.class)
                .hasMessageContaining("c");
        assertThat(again.handle((result, error) -> ((CibRequestException) error).code()).join())
                .isEqualTo(CibErrorCode.ALREADY_EXISTS);
    }

    @Test
    void aChangeAcknowledgedBeforeTheDcDiesIsOnTheNewDc() {
        ReplicaCluster cluster = threeNodes();
        submit(cluster, "n1", create("kept"));

        cluster.kill("n1");
        cluster.view("n2", "n2", "n3");

        assertThat(has(cluster.cibOf("n2"), "kept")).isTrue();
        assertThat(has(cluster.cibOf("n3"), "kept")).isTrue();
        submit(cluster, "n3", create("after"));
        assertThat(has(cluster.cibOf("n2"), "after")).isTrue();
    }

    @Test
    void aMemberThatMissedChangesGetsTheWholeCibWhenItReturns() {
        ReplicaCluster cluster = threeNodes();
        cluster.isolate("n3");
        cluster.view("n1", "n1", "n2");
        submit(cluster, "n1", create("x"));
        submit(cluster, "n2", create("y"));

        cluster.rejoin("n3");
        cluster.view("n1", "n1", "n2", "n3");

        CibDocument n3 = cluster.cibOf("n3");
        assertThat(has(n3, "x")).isTrue();
        assertThat(has(n3, "y")).isTrue();
        assertThat(n3.version()).isEqualTo(cluster.cibOf("n1").version());
    }

    @Test
    void whenPartitionsMergeTheHighestVersionWins() {
        ReplicaCluster cluster = threeNodes();
        cluster.isolate("n1");
        cluster.view("n1", "n1");
        cluster.view("n2", "n2", "n3");
        submit(cluster, "n2", create("p1"));
        submit(cluster, "n3", create("p2"));

        cluster.rejoin("n1");
        cluster.view("n1", "n1", "n2", "n3");

        for (String node : new String[] {"n1", "n2", "n3"}) {
            CibDocument cib = cluster.cibOf(node);
            assertThat(has(cib, "p1") && has(cib, "p2")).as(node + " has the newer partition's CIB").isTrue();
        }
    }

    @Test
    void aReturningDcWithAnOlderCibTakesTheNewerOneEvenWhenItsAnnouncementCameTooEarly() {
        ReplicaCluster cluster = threeNodes();
        cluster.isolate("n1");
        cluster.view("n2", "n2", "n3");
        submit(cluster, "n3", create("while-away"));

        cluster.rejoin("n1");
        cluster.viewDcFirst("n1", "n1", "n2", "n3");

        for (String node : new String[] {"n1", "n2", "n3"}) {
            assertThat(has(cluster.cibOf(node), "while-away")).as(node).isTrue();
        }
    }

    @Test
    void theDcWritesItselfAndTheQuorumOnTheCibRoot() {
        ReplicaCluster cluster = threeNodes();

        for (String node : new String[] {"n1", "n2", "n3"}) {
            assertThat(cluster.cibOf(node).root().getAttribute("dc-uuid")).as(node).isEqualTo("n1");
            assertThat(cluster.cibOf(node).root().getAttribute("have-quorum")).isEqualTo("1");
        }
        long epoch = cluster.cibOf("n1").version().epoch();

        cluster.kill("n1");
        cluster.view("n2", "n2", "n3");

        assertThat(cluster.cibOf("n3").root().getAttribute("dc-uuid")).isEqualTo("n2");
        assertThat(cluster.cibOf("n3").version().epoch()).as("a status-level change").isEqualTo(epoch);
    }

    @Test
    void copiesThatDriftedUnderTheSameVersionAreReplacedByTheDcsAndLaterPatchesFit() {
        ReplicaCluster cluster = threeNodes();
        cluster.isolate("n1");
        cluster.isolate("n2");
        cluster.isolate("n3");
        cluster.view("n1", "n1");
        cluster.view("n2", "n2");
        submit(cluster, "n1", create("only-on-n1"));
        submit(cluster, "n2", create("only-on-n2"));
        assertThat(cluster.cibOf("n1").version()).isEqualTo(cluster.cibOf("n2").version());

        cluster.rejoin("n1");
        cluster.rejoin("n2");
        cluster.rejoin("n3");
        cluster.view("n1", "n1", "n2", "n3");
        submit(cluster, "n1", create("after"));

        // the same content (a patch may set attributes in another order than the DC wrote them)
        String reference = CibMessages.digest(cluster.cibOf("n1"));
        for (String node : new String[] {"n2", "n3"}) {
            assertThat(CibMessages.digest(cluster.cibOf(node))).as(node).isEqualTo(reference);
            assertThat(has(cluster.cibOf(node), "only-on-n1") && has(cluster.cibOf(node), "after")).as(node).isTrue();
        }
        assertThat(has(cluster.cibOf("n2"), "only-on-n2")).isFalse();
    }

    @Test
    void aDcThatTakesANewerCibFromAMemberWritesItselfAndItsQuorumIntoIt() {
        ReplicaCluster cluster = threeNodes();
        cluster.isolate("n3");
        cluster.view("n3", "n3");
        cluster.replicas.get("n3").service().change(document -> DcAttributes.set(document, "n3", false));
        submit(cluster, "n3", create("alone"));
        cluster.settle();

        cluster.rejoin("n3");
        cluster.view("n1", "n1", "n2", "n3");

        CibDocument dc = cluster.cibOf("n1");
        assertThat(has(dc, "alone")).as("the newer CIB won").isTrue();
        assertThat(dc.root().getAttribute("dc-uuid")).isEqualTo("n1");
        assertThat(dc.root().getAttribute("have-quorum")).isEqualTo("1");
    }
}
