package org.jheartbeat.cib.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.testkit.SimScheduler;

/**
 * CIB replicas on one simulated clock. Messages go to every other live node in order (or only to
 * {@code dest}), as the messaging layer delivers them; a cut pair loses what is sent between them.
 * Views are set by the test, as the membership layer would report them.
 */
final class ReplicaCluster {

    final SimScheduler scheduler = new SimScheduler(7);
    final Map<String, Replica> replicas = new LinkedHashMap<>();
    private final Set<String> cut = new HashSet<>();
    private final Set<String> dead = new HashSet<>();
    private long viewNumber;

    record Replica(String name, EventLoop loop, CibService service, CibReplicator replicator, List<String> disk) {
    }

    ReplicaCluster(String... names) {
        for (String name : names) {
            add(name, CibTemplate.empty());
        }
    }

    Replica add(String name, CibDocument initial) {
        EventLoop loop = scheduler.newLoop(name + "/cib");
        List<String> disk = new ArrayList<>();
        CibService service = new CibService(loop, initial, document -> disk.add(document.version().toString()),
                Runnable::run);
        CibReplicator replicator = new CibReplicator(name, loop, service, initial, message -> deliver(name, message));
        Replica replica = new Replica(name, loop, service, replicator, disk);
        replicas.put(name, replica);
        return replica;
    }

    private CompletableFuture<Long> deliver(String from, HaMessage message) {
        String dest = message.get("dest");
        if (dead.contains(from)) {
            return CompletableFuture.completedFuture(0L);
        }
        for (Replica to : replicas.values()) {
            if (!to.name().equals(from) && (dest == null || dest.equals(to.name()))
                    && !cut.contains(from + ">" + to.name())) {
                scheduler.at(Duration.ofMillis(1), () -> to.loop().execute(
                        () -> to.replicator().messageReceived(from, message)));
            }
        }
        return CompletableFuture.completedFuture(0L);
    }

    /** Every named node gets the view {members, dc}; the others are not told (they are gone or cut off). */
    void view(String dc, String... members) {
        View view = new View(++viewNumber, new TreeSet<>(List.of(members)), true, dc);
        for (String member : members) {
            tell(member, view);
        }
        settle();
    }

    /** The DC learns the view first and its messages arrive before the others learn it, as happens on a real network. */
    void viewDcFirst(String dc, String... members) {
        View view = new View(++viewNumber, new TreeSet<>(List.of(members)), true, dc);
        tell(dc, view);
        settle();
        for (String member : members) {
            if (!member.equals(dc)) {
                tell(member, view);
            }
        }
        settle();
    }

    private void tell(String member, View view) {
        Replica replica = replicas.get(member);
        replica.loop().execute(() -> replica.replicator().viewChanged(view));
    }

    /** Cuts the node off from every other: it neither hears them nor is heard. */
    void isolate(String node) {
        for (String other : replicas.keySet()) {
            cut.add(node + ">" + other);
            cut.add(other + ">" + node);
        }
    }

    void rejoin(String node) {
        cut.removeIf(pair -> pair.startsWith(node + ">") || pair.endsWith(">" + node));
    }

    /** Like kill -9: the node sends and receives nothing more. */
    void kill(String name) {
        dead.add(name);
        replicas.remove(name);
    }

    void settle() {
        scheduler.runFor(Duration.ofSeconds(1));
    }

    CibDocument cibOf(String name) {
        CompletableFuture<CibDocument> cib = replicas.get(name).service().query();
        settle();
        return cib.join();
    }
}
