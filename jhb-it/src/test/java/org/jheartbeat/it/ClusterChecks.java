package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;

/** What the tests of a cluster of real daemons running a group share. */
final class ClusterChecks {

    private ClusterChecks() {
    }

    /**
     * Waits until every member of the group runs on one node (other than {@code not}), as crm_mon
     * on a live node other than {@code not} shows it, and returns that node.
     */
    static String awaitGroupOnOneNode(List<NodeProcess> nodes, List<String> group, String not, Duration atMost) {
        String[] where = new String[1];
        await().ignoreExceptions().atMost(atMost).untilAsserted(() -> {
            NodeProcess asked = nodes.stream().filter(n -> !n.name.equals(not) && n.alive()).findFirst().orElseThrow();
            Map<String, List<String>> placement = CrmMonView.resources(asked);
            List<String> first = placement.get(group.get(0));
            assertThat(first).hasSize(1);
            for (String id : group) {
                assertThat(placement.get(id)).as(id).isEqualTo(first);
            }
            assertThat(first.get(0)).isNotEqualTo(not);
            where[0] = first.get(0);
        });
        return where[0];
    }

    /** Stops the watch and the nodes and keeps each node's log in target/it-logs/CLASS/TEST/ for a failure's reader. */
    static void stopAndKeepLogs(TestInfo test, List<NodeProcess> nodes, DoubleActiveWatch watch)
            throws InterruptedException, IOException {
        if (watch != null) {
            watch.close();
        }
        Path logs = Path.of("target", "it-logs", test.getTestClass().orElseThrow().getSimpleName(),
                test.getTestMethod().orElseThrow().getName());
        Files.createDirectories(logs);
        for (NodeProcess node : nodes) {
            node.close();
            Files.writeString(logs.resolve(node.name + ".log"), node.log());
        }
    }
}
