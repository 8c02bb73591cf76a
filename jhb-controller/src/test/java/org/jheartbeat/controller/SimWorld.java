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
 * to hang never answers, one marked to fail answers an error and does nothing.
 */
final class SimWorld {

    private final Map<String, Set<String>> running = new HashMap<>();
    private final Set<String> hanging = new HashSet<>();
    private final Set<String> failing = new HashSet<>();
    private final Set<String> leftOver = new HashSet<>();
    private final Map<String, Long> hungUntilMillis = new HashMap<>();

    boolean runs(String node, String resource) {
        return running.getOrDefault(node, Set.of()).contains(resource);
    }

    void started(String node, String resource) {
        running.computeIfAbsent(node, n -> new TreeSet<>()).add(resource);
    }

    void stopped(String node, String resource) {
        running.getOrDefault(node, new HashSet<>()).remove(resource);
        leftOver.remove(node + "/" + resource);
    }

    /**
     * A stop failed, or hung and will fail: what runs on the node now (the group members that
     * stop after it included) stays there until something stops it; without fencing the cluster
     * cannot make sure of that.
     */
    void stopFailed(String node) {
        runningOn(node).forEach(resource -> leftOver.add(node + "/" + resource));
    }

    /** An operation hangs on the node until the given virtual time, when the LRM's timeout ends it. */
    void hangs(String node, long untilMillis) {
        hungUntilMillis.merge(node, untilMillis, Math::max);
    }

    /** The end of the last operation that hung on the node, or -1. */
    long hungUntilMillis(String node) {
        return hungUntilMillis.getOrDefault(node, -1L);
    }

    /** Whether the resource has run on the node since a stop failed or hung there, never stopped since. */
    boolean leftOverByFailedStop(String node, String resource) {
        return leftOver.contains(node + "/" + resource);
    }

    /** The machine died: nothing of it runs any more. */
    void machineDied(String node) {
        running.remove(node);
        leftOver.removeIf(key -> key.startsWith(node + "/"));
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

    /** The next start, stop or monitor of the resource on the node fails at once, doing nothing. */
    void failNext(String node, String resource) {
        failing.add(node + "/" + resource);
    }

    boolean takeFailure(String node, String resource) {
        return failing.remove(node + "/" + resource);
    }

    /** The faults are over: operations marked to hang or fail and not run yet run as they should. */
    void disarm() {
        hanging.clear();
        failing.clear();
    }
}
