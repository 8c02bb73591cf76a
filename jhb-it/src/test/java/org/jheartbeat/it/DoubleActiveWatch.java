package org.jheartbeat.it;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The invariant of a cluster, read from the agents' own state rather than from the cluster:
 * every few milliseconds, how many nodes' agent state directories (rsctmp) hold each resource's
 * state file (Dummy's {@code Dummy-ID.state}, or whatever file a test's agents keep). A resource
 * found on two nodes at once is a violation.
 */
final class DoubleActiveWatch implements AutoCloseable {

    private final List<NodeProcess> nodes;
    private final List<String> stateFiles;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Watches ocf:heartbeat:Dummy resources by their ids. */
    static DoubleActiveWatch ofDummies(List<NodeProcess> nodes, List<String> ids) {
        return new DoubleActiveWatch(nodes, ids.stream().map(id -> "Dummy-" + id + ".state").toList());
    }

    /** @param stateFiles names of files in a node's rsctmp, each there while one resource runs */
    DoubleActiveWatch(List<NodeProcess> nodes, List<String> stateFiles) {
        this.nodes = List.copyOf(nodes);
        this.stateFiles = List.copyOf(stateFiles);
        this.thread = new Thread(this::watch, "double-active-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            for (String file : stateFiles) {
                List<String> on = new ArrayList<>();
                for (NodeProcess node : nodes) {
                    if (Files.exists(node.stateDir().resolve("rsctmp").resolve(file))) {
                        on.add(node.name);
                    }
                }
                if (on.size() > 1) {
                    violations.add(file + " on " + on);
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
