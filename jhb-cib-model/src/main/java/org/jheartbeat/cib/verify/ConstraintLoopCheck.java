package org.jheartbeat.cib.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jheartbeat.cib.verify.ConstraintGraph.Edge;
import org.w3c.dom.Element;

/**
 * Loops among order constraints (nothing in the loop can start first: an error when every link
 * is mandatory) and among colocations (placement depends on itself: a warning). Each loop is
 * reported once, on the constraint that closes it.
 */
final class ConstraintLoopCheck implements Check {

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        report(ConstraintGraph.ordering(config), "ordering loop", " then ", findings,
                "Remove or reverse one of these orders (or make it kind=\"Optional\")");
        report(ConstraintGraph.colocation(config), "colocation loop", " with ", findings,
                "Remove one of these colocations: colocate each resource with one that does not depend on it");
    }

    private static void report(ConstraintGraph graph, String kind, String link, Findings findings, String remedy) {
        Set<Set<Element>> reported = new HashSet<>();
        for (List<Edge> loop : new LoopFinder(graph.edges()).loops()) {
            Set<Element> sources = loop.stream().map(Edge::source).collect(Collectors.toCollection(LinkedHashSet::new));
            if (!reported.add(sources)) {
                continue;
            }
            Element closing = loop.get(loop.size() - 1).source();
            String path = loop.stream().map(Edge::from).collect(Collectors.joining(link)) + link + loop.get(0).from();
            String through = sources.stream().map(Findings::label).collect(Collectors.joining(", "));
            String what = kind + ": " + path + " (through " + through + ")";
            if (loop.stream().allMatch(Edge::mandatory)) {
                findings.error(closing, what, remedy);
            } else {
                findings.warning(closing, what, remedy);
            }
        }
    }

    /** Depth-first search; every edge back onto the current path closes one loop. */
    private static final class LoopFinder {
        private final Map<String, List<Edge>> edges;
        private final Set<String> done = new HashSet<>();
        private final List<Edge> path = new ArrayList<>();
        private final List<List<Edge>> loops = new ArrayList<>();

        LoopFinder(Map<String, List<Edge>> edges) {
            this.edges = edges;
        }

        List<List<Edge>> loops() {
            for (String start : List.copyOf(edges.keySet())) {
                visit(start);
            }
            return loops;
        }

        private void visit(String node) {
            if (done.contains(node)) {
                return;
            }
            for (Edge edge : edges.getOrDefault(node, List.of())) {
                int onPath = edge.to().equals(node) ? path.size() : indexOnPath(edge.to());
                if (onPath >= 0) {
                    List<Edge> loop = new ArrayList<>(path.subList(onPath, path.size()));
                    loop.add(edge);
                    loops.add(loop);
                } else if (!done.contains(edge.to())) {
                    path.add(edge);
                    visit(edge.to());
                    path.remove(path.size() - 1);
                }
            }
            done.add(node);
        }

        private int indexOnPath(String node) {
            for (int i = 0; i < path.size(); i++) {
                if (path.get(i).from().equals(node)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
