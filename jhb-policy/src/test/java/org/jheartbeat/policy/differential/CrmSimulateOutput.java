package org.jheartbeat.policy.differential;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text that Pacemaker's {@code crm_simulate -S} prints: the "Transition Summary" lines
 * and, from the "Revised Cluster Status" (the state after the simulated transition), where each
 * resource is. Resource lines are nested by indentation: clone sets and groups contain the lines
 * below them; a clone's instances are listed one by one or collapsed ("Started: [ node1 node2 ]").
 */
final class CrmSimulateOutput {

    private static final Pattern ITEM = Pattern.compile("^( *)\\* (.*)$");
    private static final Pattern CLONE = Pattern.compile("^Clone Set: (\\S+) \\[(\\S+)\\](.*):$");
    private static final Pattern GROUP = Pattern.compile("^Resource Group: ([^\\s:]+)(?::\\d+)?(?: \\(.*\\))?:$");
    private static final Pattern COLLAPSED = Pattern.compile("^(\\w+)(?: \\([^)]*\\))?: \\[ (.*) \\]$");
    private static final Pattern PRIMITIVE = Pattern.compile("^(\\S+)\\s+\\(([^)]*)\\):\\s+(.*)$");
    private static final List<String> ROLES = List.of("Started", "Promoted", "Unpromoted");

    private CrmSimulateOutput() {
    }

    /** A clone set or group the lines below it (more indented) belong to. */
    private record Container(int indent, String id, boolean isClone, boolean promotable) {
    }

    static SchedulerOutcome parse(String text, ClonePrimitives clones, boolean completed) {
        return new SchedulerOutcome(revisedPlacement(text, clones), SchedulerOutcome.normalizedSummary(summary(text)),
                completed);
    }

    static List<String> summary(String text) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : text.split("\n")) {
            if (line.strip().equals("Transition Summary:")) {
                inside = true;
            } else if (inside) {
                if (line.isBlank() || (!line.startsWith(" ") && line.stripTrailing().endsWith(":"))) {
                    break;
                }
                lines.add(line.strip().replaceFirst("^\\* ", ""));
            }
        }
        if (!inside) {
            throw new IllegalStateException("crm_simulate printed no \"Transition Summary:\"");
        }
        return lines;
    }

    static Placement revisedPlacement(String text, ClonePrimitives clones) {
        int start = text.indexOf("\nRevised Cluster Status:");
        if (start < 0) {
            throw new IllegalStateException("crm_simulate printed no \"Revised Cluster Status:\"");
        }
        Placement placement = new Placement();
        Deque<Container> containers = new ArrayDeque<>();
        boolean resources = false;
        for (String line : text.substring(start + 1).split("\n")) {
            Matcher item = ITEM.matcher(line);
            if (!item.matches()) {
                continue;
            }
            String content = item.group(2).strip();
            int indent = item.group(1).length();
            if (indent <= 2) {
                resources = content.equals("Full List of Resources:");
                continue;
            }
            if (!resources) {
                continue;
            }
            while (!containers.isEmpty() && containers.peek().indent() >= indent) {
                containers.pop();
            }
            Container clone = containers.stream().filter(Container::isClone).findFirst().orElse(null);
            Matcher m;
            if ((m = CLONE.matcher(content)).matches()) {
                String id = m.group(1);
                containers.push(new Container(indent, id, true, m.group(3).contains("promotable")));
                clones.of(id).forEach(primitive -> placement.cloneMember(id, primitive));
            } else if ((m = GROUP.matcher(content)).matches()) {
                containers.push(new Container(indent, m.group(1), false, false));
            } else if ((m = COLLAPSED.matcher(content)).matches() && clone != null) {
                String role = m.group(1);
                if (!role.equals("Stopped")) {
                    for (String node : m.group(2).trim().split("\\s+")) {
                        for (String primitive : clones.of(clone.id())) {
                            placement.instance(clone.id(), primitive, clone.promotable(), node, role);
                        }
                    }
                }
            } else if ((m = PRIMITIVE.matcher(content)).matches()) {
                addPrimitive(placement, clone, m.group(1), m.group(3));
            } else {
                throw new IllegalStateException("crm_simulate status line not understood: " + line);
            }
        }
        return placement;
    }

    /**
     * A primitive's state: "Stopped", "Stopped (disabled)", "Started node1", "Promoted node1 (unmanaged)",
     * "FAILED node1", "FAILED (unmanaged) [ node1 node2 ]", "ORPHANED Started node1",
     * "Started [ node1 node2 ]", "Stopped node2 (LOCKED)". Flags in parentheses do not change
     * where it is; a failed resource still occupies its node, in its role (Started when none is
     * shown); a stopped one locked to a node (shutdown-lock) is stopped.
     */
    private static void addPrimitive(Placement placement, Container clone, String id, String state) {
        String s = state.replaceAll("\\s*\\([^)]*\\)", "").strip().replaceFirst("^ORPHANED ", "").replaceFirst("^FAILED ", "");
        List<String> nodes = new ArrayList<>();
        String role = "Started";
        if (!s.equals("Stopped") && !s.startsWith("Stopped ")) {
            String[] words = s.split(" ", 2);
            String where = s;
            if (ROLES.contains(words[0]) && words.length == 2) {
                role = words[0];
                where = words[1];
            }
            where = where.strip();
            if (where.startsWith("[") && where.endsWith("]")) {
                where = where.substring(1, where.length() - 1).strip();
            }
            if (where.isEmpty() || where.contains(" ") && !where.matches("[\\w.-]+( [\\w.-]+)*")) {
                throw new IllegalStateException("crm_simulate resource state not understood: " + id + " " + state);
            }
            nodes.addAll(List.of(where.split("\\s+")));
        }
        if (clone != null) {
            for (String node : nodes) {
                placement.instance(clone.id(), id, clone.promotable(), node, role);
            }
        } else if (nodes.isEmpty()) {
            placement.single(id, null, null);
        } else {
            for (String node : nodes) {
                placement.single(id, node, role);
            }
        }
    }
}
