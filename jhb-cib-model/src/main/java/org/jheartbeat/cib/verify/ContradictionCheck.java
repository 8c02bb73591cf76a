package org.jheartbeat.cib.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;

/**
 * Pairs of constraints that demand opposite things absolutely: +INFINITY and -INFINITY
 * colocation of the same two resources, or location of the same resource on the same node.
 * No placement satisfies both, so the resource stays stopped.
 */
final class ContradictionCheck implements Check {

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        Element constraints = config.section("constraints");
        Map<String, Element[]> colocations = new HashMap<>();
        for (Element colocation : Dom.children(constraints, "rsc_colocation")) {
            String rsc = colocation.getAttribute("rsc");
            String with = colocation.getAttribute("with-rsc");
            if (!rsc.isEmpty() && !with.isEmpty()) {
                String pair = rsc.compareTo(with) < 0 ? rsc + "\u0000" + with : with + "\u0000" + rsc;
                record(colocations, pair, colocation, findings,
                        "colocates '" + rsc + "' and '" + with + "'",
                        "Keep one of the two; to keep them apart use only the -INFINITY one");
            }
        }
        Map<String, Element[]> locations = new HashMap<>();
        for (Element location : Dom.children(constraints, "rsc_location")) {
            String rsc = location.getAttribute("rsc");
            String node = location.getAttribute("node");
            if (!rsc.isEmpty() && !node.isEmpty()) {
                record(locations, rsc + "\u0000" + node, location, findings,
                        "places '" + rsc + "' on node '" + node + "'",
                        "Keep one of the two: +INFINITY pins the resource to the node, -INFINITY bans it");
            }
        }
    }

    /** Remembers the first +INFINITY (slot 0) and -INFINITY (slot 1) constraint per key; reports the one completing a pair. */
    private static void record(Map<String, Element[]> seen, String key, Element constraint, Findings findings,
            String what, String remedy) {
        Optional<Score> score = Score.parse(constraint.getAttribute("score"));
        if (score.isEmpty() || !(score.get().isPlusInfinity() || score.get().isMinusInfinity())) {
            return;
        }
        int slot = score.get().isPlusInfinity() ? 0 : 1;
        Element[] pair = seen.computeIfAbsent(key, k -> new Element[2]);
        if (pair[slot] == null) {
            pair[slot] = constraint;
        }
        Element opposite = pair[1 - slot];
        if (opposite != null && pair[slot] == constraint) {
            findings.error(constraint, what + " with score " + (slot == 0 ? "+INFINITY" : "-INFINITY") + " but "
                            + Findings.label(opposite) + " (line " + CibDocument.lineOf(opposite) + ") does so with "
                            + (slot == 0 ? "-INFINITY" : "+INFINITY"), remedy);
        }
    }
}
