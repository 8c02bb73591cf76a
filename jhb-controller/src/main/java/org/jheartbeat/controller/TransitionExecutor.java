package org.jheartbeat.controller;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.policy.actions.Action;

/**
 * Where one transition graph stands: which actions have been sent, which are confirmed, and
 * whether it was aborted. An action is ready once every action it waits for is confirmed;
 * at most {@code batchLimit} actions that a node carries out are out at once (pseudo actions
 * do not count); once aborted, nothing more is sent and the graph is over when what was out has
 * come back. Pure state: the DC drives it and does the sending.
 */
final class TransitionExecutor {

    private final int id;
    private final List<Action> graph;
    private final int batchLimit;
    private final Set<Action> sent = new HashSet<>();
    private final Set<Action> confirmed = new HashSet<>();
    private int outOnNodes;
    private boolean aborted;
    private boolean failed;

    /**
     * @param batchLimit how many node actions may be out at once; 0 for no limit
     */
    TransitionExecutor(int id, List<Action> graph, int batchLimit) {
        this.id = id;
        this.graph = List.copyOf(graph);
        this.batchLimit = batchLimit;
    }

    int id() {
        return id;
    }

    int size() {
        return graph.size();
    }

    /**
     * The actions to send now, marked as sent: ready ones in graph order, node actions only
     * while the batch limit allows.
     */
    List<Action> takeReady() {
        List<Action> ready = new ArrayList<>();
        if (aborted) {
            return ready;
        }
        for (Action a : graph) {
            if (sent.contains(a) || !confirmed.containsAll(a.graphInputs())) {
                continue;
            }
            boolean onNode = runsOnNode(a);
            if (onNode && batchLimit > 0 && outOnNodes >= batchLimit) {
                continue;
            }
            sent.add(a);
            if (onNode) {
                outOnNodes++;
            }
            ready.add(a);
        }
        return ready;
    }

    /** An action came back; a failed one aborts the transition. */
    void confirm(Action a, boolean ok) {
        if (!sent.contains(a) || confirmed.contains(a)) {
            return;
        }
        confirmed.add(a);
        if (runsOnNode(a)) {
            outOnNodes--;
        }
        if (!ok) {
            failed = true;
            aborted = true;
        }
    }

    /** Nothing more is sent; what is out is still awaited. */
    void abort() {
        aborted = true;
    }

    boolean aborted() {
        return aborted;
    }

    /** Whether an action of this graph failed. */
    boolean failed() {
        return failed;
    }

    /** Everything confirmed, or aborted with nothing left out. */
    boolean finished() {
        if (aborted) {
            return sent.stream().allMatch(confirmed::contains);
        }
        return confirmed.size() == graph.size() || nothingCanStart();
    }

    /**
     * True when no action is out and none can become ready: actions wait for an input that
     * never runs (a blocked action kept as an input), so the graph stops short.
     */
    private boolean nothingCanStart() {
        if (sent.size() != confirmed.size()) {
            return false;
        }
        for (Action a : graph) {
            if (!sent.contains(a) && confirmed.containsAll(a.graphInputs())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the graph stopped with actions that never became ready. */
    boolean incomplete() {
        return !aborted && confirmed.size() < graph.size();
    }

    static boolean runsOnNode(Action a) {
        return !a.pseudo() && a.primitive() != null && a.node() != null;
    }
}
