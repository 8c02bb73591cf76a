package org.jheartbeat.policy.differential;

import java.util.List;

/** One resource (or clone member) that the two schedulers place differently. */
public record PlacementDifference(String key, List<String> ours, List<String> pacemaker) {

    /** A coarse kind of difference, to count differences by: "clone: ours runs fewer instances"... */
    public String category() {
        String kind = key.contains("/") ? "clone" : "resource";
        if (kind.equals("clone")) {
            if (ours.size() != pacemaker.size()) {
                return "clone: ours runs " + (ours.size() < pacemaker.size() ? "fewer" : "more") + " instances";
            }
        } else {
            boolean oursStopped = ours.contains(Placement.STOPPED);
            boolean theirsStopped = pacemaker.contains(Placement.STOPPED);
            if (oursStopped != theirsStopped) {
                return "resource: " + (oursStopped ? "ours stops it, Pacemaker runs it" : "ours runs it, Pacemaker stops it");
            }
            if (ours.size() != pacemaker.size()) {
                return "resource: active on a different number of nodes";
            }
        }
        if (nodes(ours).equals(nodes(pacemaker))) {
            return kind + ": same nodes, different role";
        }
        return kind + ": different node";
    }

    private static List<String> nodes(List<String> entries) {
        return entries.stream().map(e -> e.split(" ")[0]).sorted().toList();
    }

    @Override
    public String toString() {
        return key + ": ours " + ours + ", Pacemaker " + pacemaker;
    }
}
