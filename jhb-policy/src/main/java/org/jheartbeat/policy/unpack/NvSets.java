package org.jheartbeat.policy.unpack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.policy.Score;
import org.w3c.dom.Element;

/**
 * Reads name/value sets (instance_attributes, meta_attributes, cluster_property_set ...):
 * sets whose rule does not match are skipped, higher-scored sets win, and within the order the
 * first value of a name wins. The value "#default" stands for no value: the name stays unset.
 */
final class NvSets {

    private final IdIndex ids;
    private final RuleEvaluator rules;

    NvSets(IdIndex ids, RuleEvaluator rules) {
        this.ids = ids;
        this.rules = rules;
    }

    Map<String, String> read(Element owner, String setTag, RuleContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        addTo(out, owner, setTag, ctx);
        return out;
    }

    /**
     * The same for values kept as they are and only read: one empty map shared when owner has
     * no such set (most operations have neither meta nor instance attributes).
     */
    Map<String, String> valuesOf(Element owner, String setTag, RuleContext ctx) {
        return Xml.child(owner, setTag) == null ? Map.of() : read(owner, setTag, ctx);
    }

    /** Adds the values of owner's sets to out, keeping values already there. */
    void addTo(Map<String, String> out, Element owner, String setTag, RuleContext ctx) {
        if (Xml.child(owner, setTag) == null) {
            return; // the usual case (a primitive has no utilization, an operation no attributes): no lists made
        }
        List<Element> sets = new ArrayList<>();
        for (Element ref : Xml.children(owner, setTag)) {
            sets.add(ids.resolve(ref));
        }
        sets.sort(Comparator.comparingInt((Element s) -> -Score.parse(Xml.attr(s, "score"))));
        for (Element set : sets) {
            Element rule = Xml.child(set, "rule");
            if (rule != null && !rules.matches(rule, ctx)) {
                continue;
            }
            for (Element pairRef : Xml.children(set, "nvpair")) {
                Element pair = ids.resolve(pairRef);
                String name = Xml.attr(pair, "name");
                put(out, name, Xml.attr(pair, "value", ""));
            }
            for (Element attr : Xml.children(set, "attributes")) {
                for (Element pair : Xml.children(attr, "nvpair")) {
                    put(out, Xml.attr(pair, "name"), Xml.attr(pair, "value", ""));
                }
            }
        }
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (name != null && !out.containsKey(name) && !"#default".equalsIgnoreCase(value)) {
            out.put(name, value);
        }
    }
}
