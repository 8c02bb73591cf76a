package org.jheartbeat.cib.diff;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * What makes a child the same child in two versions: its tag and id, or for a child without an
 * id its tag and place among same-tagged children without one. A repeated tag and id (a CIB
 * the schema would refuse, but a diff must still be right) counts its occurrences the same way.
 */
record SiblingKey(String tag, String id, int occurrence) {

    static Map<Element, SiblingKey> of(List<Element> siblings) {
        Map<Element, SiblingKey> keys = new IdentityHashMap<>();
        Map<List<String>, Integer> seen = new HashMap<>();
        for (Element sibling : siblings) {
            String id = sibling.getAttribute("id");
            int occurrence = seen.merge(List.of(sibling.getTagName(), id), 1, Integer::sum);
            keys.put(sibling, new SiblingKey(sibling.getTagName(), id, occurrence));
        }
        return keys;
    }
}
