package org.jheartbeat.cib.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
    /**
     * Depth-first search for cycles, iterative so that a chain of thousands of constraints does
     * not overflow the stack, with each node's place on the current path kept in a map.
     */
    private static final class LoopFinder {
        private final Map<String, List<Edge>> edges;
        private final Set<String> done = new HashSet<>();
        private final List<Edge> path = new ArrayList<>();
        private final Map<String, Integer> depthOnPath = new HashMap<>();
        private final List<List<Edge>> loops = new ArrayList<>();

        private record Frame(String node, Iterator<Edge> edges) {
        }

        LoopFinder(Map<String, List<Edge>> edges) {
            this.edges = edges;
        }

        List<List<Edge>> loops() {
            for (String start : List.copyOf(edges.keySet())) {
                visit(start);
            }
            return loops;
        }

        private void visit(String start) {
            if (done.contains(start)) {
                return;
            }
            Deque<Frame> stack = new ArrayDeque<>();
            enter(start, stack);
            while (!stack.isEmpty()) {
                Frame top = stack.peek();
                if (!top.edges().hasNext()) {
                    stack.pop();
                    depthOnPath.remove(top.node());
                    done.add(top.node());
                    if (!stack.isEmpty()) {
                        path.remove(path.size() - 1);
                    }
                    continue;
                }
                Edge edge = top.edges().next();
                Integer onPath = depthOnPath.get(edge.to());
                if (onPath != null) {
                    List<Edge> loop = new ArrayList<>(path.subList(onPath, path.size()));
                    loop.add(edge);
                    loops.add(loop);
                } else if (!done.contains(edge.to())) {
                    path.add(edge);
                    enter(edge.to(), stack);
                }
            }
        }

        private void enter(String node, Deque<Frame> stack) {
            depthOnPath.put(node, path.size());
            stack.push(new Frame(node, edges.getOrDefault(node, List.of()).iterator()));
        }
    }
}
