package org.jheartbeat.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jheartbeat.messaging.wire.HaMessage;

/**
 * Per-sender ordering of sequenced messages: drops duplicates, finds gaps, holds early messages
 * until the gap before them is filled (by a retransmission) or given up, and then releases
 * everything in sequence order. Bounded: a gap wider than the capacity is given up at once.
 */
final class ReceiveWindow {

    private final int capacity;
    private final TreeMap<Long, HaMessage> early = new TreeMap<>();
    private final TreeSet<Long> missing = new TreeSet<>();
    private final TreeSet<Long> lost = new TreeSet<>();
    private long contiguous;
    private boolean started;

    ReceiveWindow(int capacity) {
        this.capacity = capacity;
    }

    /** What happened to one arriving message. */
    record Arrival(boolean duplicate, List<HaMessage> released, List<Long> newlyMissing, List<Long> givenUp) {
    }

    Arrival accept(long seq, HaMessage message) {
        if (!started) {
            // A node joining late does not ask for what was sent before it first heard the sender.
            contiguous = seq - 1;
            started = true;
        }
        if (seq <= contiguous || early.containsKey(seq)) {
            return new Arrival(true, List.of(), List.of(), List.of());
        }
        List<Long> newlyMissing = new ArrayList<>();
        List<Long> givenUp = new ArrayList<>();
        if (seq - contiguous > capacity) {
            for (long s = contiguous + 1; s <= seq - 1 - capacity / 2; s++) {
                if (!early.containsKey(s)) {
                    givenUp.add(s);
                    missing.remove(s);
                    lost.add(s);
                }
            }
        }
        long highest = early.isEmpty() ? contiguous : Math.max(contiguous, early.lastKey());
        for (long s = Math.max(highest, contiguous) + 1; s < seq; s++) {
            if (!lost.contains(s) && missing.add(s)) {
                newlyMissing.add(s);
            }
        }
        early.put(seq, message);
        missing.remove(seq);
        return new Arrival(false, drain(), newlyMissing, givenUp);
    }

    /** Stops waiting for a message (the sender no longer has it); returns what that releases. */
    List<HaMessage> giveUp(long seq) {
        if (!missing.remove(seq)) {
            return List.of();
        }
        lost.add(seq);
        return drain();
    }

    NavigableSet<Long> missing() {
        return missing;
    }

    /** Forgets everything: the sender restarted with a new generation and counts from 1 again. */
    void reset() {
        early.clear();
        missing.clear();
        lost.clear();
        contiguous = 0;
        started = false;
    }

    long contiguous() {
        return contiguous;
    }

    private List<HaMessage> drain() {
        List<HaMessage> released = new ArrayList<>();
        while (true) {
            long next = contiguous + 1;
            if (early.containsKey(next)) {
                released.add(early.remove(next));
            } else if (!lost.remove(next)) {
                break;
            }
            contiguous = next;
        }
        if (early.isEmpty()) {
            lost.headSet(contiguous, true).clear();
        }
        return released;
    }
}
