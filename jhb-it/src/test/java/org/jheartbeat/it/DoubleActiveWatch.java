package org.jheartbeat.it;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The invariant of a cluster of Dummy resources, read from the agents' own state rather than
 * from the cluster: every few milliseconds, how many nodes' state directories hold each
 * resource's Dummy state file. A resource found on two nodes at once is a violation.
 */
final class DoubleActiveWatch implements AutoCloseable {

    private final List<NodeProcess> nodes;
    private final List<String> resources;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    DoubleActiveWatch(List<NodeProcess> nodes, List<String> resources) {
        this.nodes = List.copyOf(nodes);
        this.resources = List.copyOf(resources);
        this.thread = new Thread(this::watch, "double-active-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            for (String id : resources) {
                List<String> on = new ArrayList<>();
                for (NodeProcess node : nodes) {
                    if (Files.exists(node.stateDir().resolve("rsctmp/Dummy-" + id + ".state"))) {
                        on.add(node.name);
                    }
                }
                if (on.size() > 1) {
                    violations.add(id + " active on " + on);
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
