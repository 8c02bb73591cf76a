package org.jheartbeat.controller;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What really runs on the simulated machines, whatever the cluster believes: the resources each
 * node's agents have started and not stopped. A machine that dies loses them; a service that
 * crashes on its own disappears from here without the cluster being told; an operation marked
 * to hang never answers.
 */
final class SimWorld {

    private final Map<String, Set<String>> running = new HashMap<>();
    private final Set<String> hanging = new HashSet<>();

    boolean runs(String node, String resource) {
        return running.getOrDefault(node, Set.of()).contains(resource);
    }

    void started(String node, String resource) {
        running.computeIfAbsent(node, n -> new TreeSet<>()).add(resource);
    }

    void stopped(String node, String resource) {
        running.getOrDefault(node, new HashSet<>()).remove(resource);
    }

    /** The machine died: nothing of it runs any more. */
    void machineDied(String node) {
        running.remove(node);
    }

    Set<String> runningOn(String node) {
        return Set.copyOf(running.getOrDefault(node, Set.of()));
    }

    /** The next operation of the resource on the node never answers (the LRM's timeout ends it). */
    void hangNext(String node, String resource) {
        hanging.add(node + "/" + resource);
    }

    boolean takeHang(String node, String resource) {
        return hanging.remove(node + "/" + resource);
    }
}
