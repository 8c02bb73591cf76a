package org.jheartbeat.policy.unpack;

import org.jheartbeat.cib.model.CompactElement;

/**
 * The attribute names of the last element asked about: a large status section writes 100,000
 * histories and records alike, with the very same name strings in the same order, so where an
 * attribute is needs working out only when they change.
 */
final class LastShape {

    /** Null before the first element: nothing is the same as that. */
    private String[] names;

    /** Whether e has the attribute names, in order, of the element asked about before; remembers e's when not. */
    boolean same(CompactElement e) {
        int count = e.attributeCount();
        boolean same = names != null && count == names.length;
        for (int i = 0; same && i < count; i++) {
            same = e.attributeName(i) == names[i];
        }
        if (!same) {
            names = new String[count];
            for (int i = 0; i < count; i++) {
                names[i] = e.attributeName(i);
            }
        }
        return same;
    }
}
