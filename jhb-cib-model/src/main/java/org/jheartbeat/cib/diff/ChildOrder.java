package org.jheartbeat.cib.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Which surviving children need no move: the longest run of them that keeps its old order in
 * the new version. Every other survivor gets a move, so a patch carries as few as it can.
 */
final class ChildOrder {

    private ChildOrder() {
    }

    /**
     * @param oldChildren the children in the old version
     * @param matches for each child of the new version, its old element, or null when created
     */
    static Set<Element> unmoved(List<Element> oldChildren, List<Element> matches) {
        Map<Element, Integer> oldIndex = new IdentityHashMap<>();
        for (int i = 0; i < oldChildren.size(); i++) {
            oldIndex.put(oldChildren.get(i), i);
        }
        List<Element> survivors = new ArrayList<>();
        for (Element match : matches) {
            if (match != null) {
                survivors.add(match);
            }
        }
        Set<Element> unmoved = Collections.newSetFromMap(new IdentityHashMap<>());
        unmoved.addAll(longestIncreasing(survivors, oldIndex));
        return unmoved;
    }

    private static List<Element> longestIncreasing(List<Element> sequence, Map<Element, Integer> rank) {
        int n = sequence.size();
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int value = rank.get(sequence.get(i));
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (rank.get(sequence.get(tailIndex[middle])) < value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[i] = low > 0 ? tailIndex[low - 1] : -1;
            tailIndex[low] = i;
            length = Math.max(length, low + 1);
        }
        List<Element> result = new ArrayList<>();
        for (int i = length > 0 ? tailIndex[length - 1] : -1; i >= 0; i = previous[i]) {
            result.add(0, sequence.get(i));
        }
        return result;
    }
}
