package org.jheartbeat.policy.unpack;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a resource's operations on one node happened, as Pacemaker takes it:
 * by call id; the same call id (an operation and its last failure) by last-rc-change; and a
 * pending operation, which has no call id yet, by the transition that asked for it, so a start
 * still pending from an older transition comes before the stop a newer one ran.
 *
 * <p>That comparison is not a total order (a pending operation is compared by transition, the
 * others by call id), so it is applied with the same stable merge sort, split the same way, as
 * Pacemaker's list sort: a general-purpose sort may reject such a comparison or order it
 * differently.
 */
final class CallOrder {

    private CallOrder() {
    }

    static void sort(List<OpRecord> ops) {
        if (ops.size() < 2) {
            return;
        }
        List<OpRecord> sorted = mergeSort(ops);
        ops.clear();
        ops.addAll(sorted);
    }

    private static List<OpRecord> mergeSort(List<OpRecord> ops) {
        if (ops.size() < 2) {
            return ops;
        }
        int half = ops.size() / 2;
        List<OpRecord> first = mergeSort(ops.subList(0, half));
        List<OpRecord> second = mergeSort(ops.subList(half, ops.size()));
        List<OpRecord> merged = new ArrayList<>(ops.size());
        int i = 0;
        int j = 0;
        while (i < first.size() && j < second.size()) {
            merged.add(compare(first.get(i), second.get(j)) <= 0 ? first.get(i++) : second.get(j++));
        }
        merged.addAll(first.subList(i, first.size()));
        merged.addAll(second.subList(j, second.size()));
        return merged;
    }

    static int compare(OpRecord a, OpRecord b) {
        int ca = a.callId();
        int cb = b.callId();
        if (ca == -1 && cb == -1) {
            return 0;
        }
        if (ca >= 0 && ca < cb) {
            return -1;
        }
        if (cb >= 0 && ca > cb) {
            return 1;
        }
        if (cb >= 0 && ca == cb) {
            return Long.compare(a.lastRcChange(), b.lastRcChange());
        }
        return byTransition(a, b);
    }

    /** One of the two is pending: the older transition first, a pending one last when that cannot tell. */
    private static int byTransition(OpRecord a, OpRecord b) {
        Transition ta = Transition.of(a.element().attribute("transition-magic"));
        Transition tb = Transition.of(b.element().attribute("transition-magic"));
        if (ta == null || tb == null) {
            return 0;
        }
        if (!ta.graph().equalsIgnoreCase(tb.graph()) || ta.number() == tb.number()) {
            if (b.callId() == -1) {
                return -1;
            }
            return a.callId() == -1 ? 1 : 0;
        }
        if (ta.number() >= 0 && ta.number() < tb.number() || tb.number() == -1) {
            return -1;
        }
        if (tb.number() >= 0 && ta.number() > tb.number() || ta.number() == -1) {
            return 1;
        }
        return 0;
    }

    /** The transition (graph id and number) named in a transition-magic "status:rc;action:number:target:graph". */
    private record Transition(String graph, int number) {

        /** The transition of a transition-magic, or null when it is absent or names none. */
        static Transition of(String magic) {
            int semicolon = magic == null ? -1 : magic.indexOf(';');
            if (semicolon < 0) {
                return null;
            }
            String[] key = magic.substring(semicolon + 1).split(":", 4);
            if (key.length < 4) {
                return null;
            }
            try {
                Integer.parseInt(key[0].trim());
                Integer.parseInt(key[2].trim());
                return new Transition(key[3].trim(), Integer.parseInt(key[1].trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
