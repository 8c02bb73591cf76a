package org.jheartbeat.policy.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.xml.Elements;
import org.w3c.dom.Element;

/**
 * The primitives each configured clone is made of, in order. crm_simulate's status shows a
 * clone's instances collapsed ("Started: [ node1 node2 ]") under the name of the clone's child;
 * for a clone of a group that stands for every member of the group.
 */
final class ClonePrimitives {

    private final Map<String, List<String>> byClone = new LinkedHashMap<>();

    ClonePrimitives(CibDocument cib) {
        for (Element clone : Elements.descendants(cib.root(), "clone")) {
            List<String> primitives = Elements.descendants(clone, "primitive").stream()
                    .map(p -> p.getAttribute("id")).toList();
            byClone.put(clone.getAttribute("id"), primitives);
        }
    }

    List<String> of(String clone) {
        List<String> primitives = byClone.get(clone);
        if (primitives == null) {
            throw new IllegalArgumentException("crm_simulate shows clone " + clone + ", which the CIB does not configure");
        }
        return primitives;
    }
}
