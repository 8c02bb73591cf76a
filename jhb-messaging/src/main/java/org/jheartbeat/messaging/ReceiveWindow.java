package org.jheartbeat.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.SortedMap;
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

    /**
     * What happened to one arriving message.
     *
     * @param givenUp how many earlier messages were given up because the gap before this one was
     *                wider than the window
     */
    record Arrival(boolean duplicate, List<HaMessage> released, List<Long> newlyMissing, long givenUp) {
    }

    Arrival accept(long seq, HaMessage message) {
        if (!started) {
            // A node joining late does not ask for what was sent before it first heard the sender.
            contiguous = seq - 1;
            started = true;
        }
        if (seq <= contiguous || early.containsKey(seq)) {
            return new Arrival(true, List.of(), List.of(), 0);
        }
        List<HaMessage> released = new ArrayList<>();
        long givenUp = 0;
        if (seq - contiguous > capacity) {
            // Too far behind to wait: keep half a window before this message, give up the rest at once.
            long newBase = seq - 1 - capacity / 2;
            SortedMap<Long, HaMessage> older = early.headMap(newBase, true);
            givenUp = newBase - contiguous - older.size();
            released.addAll(older.values());
            older.clear();
            missing.headSet(newBase, true).clear();
            lost.headSet(newBase, true).clear();
            contiguous = newBase;
        }
        List<Long> newlyMissing = new ArrayList<>();
        long highest = early.isEmpty() ? contiguous : Math.max(contiguous, early.lastKey());
        for (long s = Math.max(highest, contiguous) + 1; s < seq; s++) {
            if (!lost.contains(s) && missing.add(s)) {
                newlyMissing.add(s);
            }
        }
        early.put(seq, message);
        missing.remove(seq);
        released.addAll(drain());
        return new Arrival(false, released, newlyMissing, givenUp);
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
