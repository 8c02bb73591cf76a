package org.jheartbeat.policy.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where every resource ends up, normalized so that two schedulers can be compared: a resource
 * outside clones maps to its one "node Role" (or "Stopped"); a clone's primitive maps to the
 * multiset of "node Role" of its active instances, keyed {@code clone/primitive}, so that which
 * instance number runs where does not matter. Inside promotable clones "Started" is written
 * "Unpromoted", as both schedulers mean the same by them there.
 */
public final class Placement {

    public static final String STOPPED = "Stopped";

    private final Map<String, List<String>> entries = new TreeMap<>();

    /** Records a resource outside clones: a node and role, or {@code node == null} for stopped. */
    public void single(String primitive, String node, String role) {
        entries.computeIfAbsent(primitive, k -> new ArrayList<>()).add(node == null ? STOPPED : node + " " + role);
    }

    /** Records one active instance of a clone's primitive ({@code primitive} with or without its ":N"). */
    public void instance(String clone, String primitive, boolean promotable, String node, String role) {
        String normalRole = promotable && role.equals("Started") ? "Unpromoted" : role;
        entries.computeIfAbsent(key(clone, primitive), k -> new ArrayList<>()).add(node + " " + normalRole);
    }

    /** Makes a clone's primitive known even when no instance is active (an empty multiset). */
    public void cloneMember(String clone, String primitive) {
        entries.computeIfAbsent(key(clone, primitive), k -> new ArrayList<>());
    }

    private static String key(String clone, String primitive) {
        int colon = primitive.indexOf(':');
        return clone + "/" + (colon < 0 ? primitive : primitive.substring(0, colon));
    }

    /** Reads {@link #lines()} back. */
    public static Placement fromLines(List<String> lines) {
        Placement placement = new Placement();
        for (String line : lines) {
            int colon = line.indexOf(": [");
            if (colon < 0 || !line.endsWith("]")) {
                throw new IllegalArgumentException("not a placement line (\"resource: [node Role, ...]\"): " + line);
            }
            String list = line.substring(colon + 3, line.length() - 1).strip();
            List<String> entries = placement.entries.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>());
            if (!list.isEmpty()) {
                entries.addAll(List.of(list.split(", ")));
            }
        }
        return placement;
    }

    /** "key: [what, ...]" lines, sorted; multisets in sorted order. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        entries.forEach((key, list) -> lines.add(key + ": " + sorted(list)));
        return lines;
    }

    /** For each key whose entries differ: "key: ours=[...] pacemaker=[...]" with this one as "ours". */
    public List<PlacementDifference> differences(Placement pacemaker) {
        Set<String> keys = new TreeSet<>(entries.keySet());
        keys.addAll(pacemaker.entries.keySet());
        List<PlacementDifference> out = new ArrayList<>();
        for (String key : keys) {
            List<String> ours = sorted(entries.getOrDefault(key, List.of()));
            List<String> theirs = sorted(pacemaker.entries.getOrDefault(key, List.of()));
            if (!ours.equals(theirs)) {
                out.add(new PlacementDifference(key, ours, theirs));
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Placement placement && differences(placement).isEmpty();
    }

    @Override
    public int hashCode() {
        return Objects.hash(lines());
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
