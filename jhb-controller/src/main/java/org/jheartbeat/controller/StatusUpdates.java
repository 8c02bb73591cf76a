package org.jheartbeat.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The DC's writes into the CIB, each a pure function from one version to the next: a node's
 * membership and its LRM's history in the status section, failure counts as the node's
 * transient attributes (where Pacemaker's attribute manager keeps them), and the node entry of
 * a node that joins for the first time. Status-only changes raise {@code num_updates}; a new
 * node entry raises the epoch.
 */
final class StatusUpdates {

    private static final String SHUTDOWN = "shutdown";

    private StatusUpdates() {
    }

    /**
     * A node that joined: listed under nodes, online in its node_state, and its history replaced
     * by what its LRM reports ({@code lrmResources}: lrm_resource elements).
     */
    static CibDocument joined(CibDocument cib, String node, List<Element> lrmResources) {
        return edit(cib, (document, bump) -> {
            if (ensureNodeEntry(document, node)) {
                bump.epoch = true;
            }
            Element state = nodeState(document, node);
            state.setAttribute("in_ccm", "true");
            state.setAttribute("crmd", "online");
            state.setAttribute("join", "member");
            state.setAttribute("expected", "member");
            state.setAttribute("crm-debug-origin", "do_lrm_query_internal");
            Element resources = lrmResources(document, state);
            removeChildren(resources);
            for (Element resource : lrmResources) {
                resources.appendChild(document.importNode(resource, true));
            }
        });
    }

    /**
     * A node that left the membership. Without fencing, or when it was told to leave
     * ({@code expected="down"}, {@link #expectedDown}), it is down cleanly: offline, its history
     * and transient attributes erased, as nothing of what it reported can be trusted once it is
     * back. With stonith-enabled, a node lost any other way keeps its history and
     * {@code expected="member"}: the scheduler takes it for unclean (what it ran may still run)
     * and fences it before its resources start elsewhere ({@link #fenced} then clears it).
     */
    static CibDocument left(CibDocument cib, String node) {
        Element current = child(child(cib.root(), "status", null), "node_state", node);
        boolean toldToLeave = current != null && "down".equals(current.getAttribute("expected"));
        if (toldToLeave || !CibUnpacker.options(cib, null).stonithEnabled()) {
            return down(cib, node, "post_cache_update");
        }
        return edit(cib, (document, bump) -> {
            Element state = offline(nodeState(document, node), "member", "post_cache_update");
            Element attributes = child(state, "transient_attributes", node);
            if (attributes != null) {
                state.removeChild(attributes);
            }
        });
    }

    /**
     * A node fencing has confirmed down: as cleanly down as one that left when told to, so
     * what it ran counts as stopped and may start elsewhere (Pacemaker's fencing confirmation
     * erases the node's history the same way).
     */
    static CibDocument fenced(CibDocument cib, String node) {
        return down(cib, node, "send_stonith_update");
    }

    /** The DC told the node to leave ({@code do_shutdown}): once it has gone, it is down, not lost. */
    static CibDocument expectedDown(CibDocument cib, String node) {
        return edit(cib, (document, bump) -> nodeState(document, node).setAttribute("expected", "down"));
    }

    /** The node state of a node out of the membership, its controller gone. */
    private static Element offline(Element state, String expected, String origin) {
        state.setAttribute("in_ccm", "false");
        state.setAttribute("crmd", "offline");
        state.setAttribute("join", "down");
        state.setAttribute("expected", expected);
        state.setAttribute("crm-debug-origin", origin);
        return state;
    }

    private static CibDocument down(CibDocument cib, String node, String origin) {
        return edit(cib, (document, bump) -> {
            Element state = offline(nodeState(document, node), "down", origin);
            for (Element child : children(state)) {
                state.removeChild(child);
            }
        });
    }

    /** One resource's history on a node, as its LRM reports it, replacing what was there. */
    static CibDocument resourceHistory(CibDocument cib, String node, Element lrmResource) {
        return edit(cib, (document, bump) -> {
            Element resources = lrmResources(document, nodeState(document, node));
            Element old = child(resources, "lrm_resource", lrmResource.getAttribute("id"));
            Node copy = document.importNode(lrmResource, true);
            if (old == null) {
                resources.appendChild(copy);
            } else {
                resources.replaceChild(copy, old);
            }
        });
    }

    /**
     * A failed operation counted on the node: {@code fail-count-RSC#OP_INTERVAL} raised by one,
     * or set to INFINITY for a failure that bans the node at once (a failed start when
     * start-failure-is-fatal), and {@code last-failure-...} set to the time.
     */
    static CibDocument failure(CibDocument cib, String node, String resource, String operation, long intervalMs,
            boolean toInfinity, long nowSeconds) {
        return edit(cib, (document, bump) -> {
            Element attributes = transientAttributes(document, nodeState(document, node));
            String suffix = resource + "#" + operation + "_" + intervalMs;
            Element count = nvpair(document, attributes, node, "fail-count-" + suffix);
            int before = count.hasAttribute("value") ? Score.parse(count.getAttribute("value")) : 0;
            count.setAttribute("value", Score.format(toInfinity ? Score.INFINITY : Score.add(before, 1)));
            nvpair(document, attributes, node, "last-failure-" + suffix).setAttribute("value", Long.toString(nowSeconds));
        });
    }

    /**
     * A node's request to leave the cluster cleanly, kept as Pacemaker keeps it: the node's
     * transient attribute {@code shutdown} set to the time of the request in seconds (a request
     * made again keeps the first time), or removed ({@code sinceSeconds} null) when the node says
     * it is not leaving: one that restarted before the DC saw it go must not lose its resources.
     */
    static CibDocument shutdown(CibDocument cib, String node, Long sinceSeconds) {
        return edit(cib, (document, bump) -> {
            if (sinceSeconds != null) {
                Element pair = nvpair(document, transientAttributes(document, nodeState(document, node)), node, SHUTDOWN);
                if (!pair.hasAttribute("value")) {
                    pair.setAttribute("value", Long.toString(sinceSeconds));
                }
                return;
            }
            Element state = child(status(document), "node_state", node);
            Element attributes = child(child(state, "transient_attributes", node), "instance_attributes", null);
            for (Element pair : children(attributes)) {
                if (SHUTDOWN.equals(pair.getAttribute("name"))) {
                    attributes.removeChild(pair);
                }
            }
        });
    }

    /**
     * The part of the status section only the DC writes: each node's membership state and its
     * resources' history (not its transient attributes, which tools set too), as one string to
     * compare.
     */
    static String nodeHistories(CibDocument cib) {
        StringBuilder text = new StringBuilder();
        for (Element state : children(child(cib.root(), "status", null))) {
            text.append(state.getAttribute("id")).append(' ').append(state.getAttribute("in_ccm")).append(' ')
                    .append(state.getAttribute("crmd")).append(' ').append(state.getAttribute("join")).append('\n');
            Element lrm = child(state, "lrm", null);
            if (lrm != null) {
                text.append(CibXml.toXml(lrm)).append('\n');
            }
        }
        return text.toString();
    }

    /** Whether a history id (an anonymous clone's instance may carry :N) is of the resource an operator named. */
    static boolean sameResource(String historyId, String resource) {
        return historyId.equals(resource) || historyId.startsWith(resource + ":")
                && historyId.substring(resource.length() + 1).chars().allMatch(Character::isDigit);
    }

    /**
     * Forgets a resource on a node (cleanup): its history and its failure counts, every
     * instance of a clone included, so the scheduler probes it again.
     */
    static CibDocument forget(CibDocument cib, String node, String resource) {
        return edit(cib, (document, bump) -> {
            Element state = child(status(document), "node_state", node);
            if (state == null) {
                return;
            }
            Element resources = child(child(state, "lrm", node), "lrm_resources", null);
            for (Element history : children(resources)) {
                if (sameResource(history.getAttribute("id"), resource)) {
                    resources.removeChild(history);
                }
            }
            Element attributes = child(child(state, "transient_attributes", node), "instance_attributes", null);
            for (Element pair : children(attributes)) {
                String name = pair.getAttribute("name");
                String counted = name.startsWith("fail-count-") ? name.substring("fail-count-".length())
                        : name.startsWith("last-failure-") ? name.substring("last-failure-".length()) : null;
                if (counted != null && counted.contains("#")
                        && sameResource(counted.substring(0, counted.indexOf('#')), resource)) {
                    attributes.removeChild(pair);
                }
            }
        });
    }

    /** What an edit changes besides the status section. */
    private static final class Bump {
        boolean epoch;
    }

    private interface Edit {
        void apply(Document document, Bump bump);
    }

    /** A copy of the CIB with the edit made and the version raised; the same document when nothing changed. */
    private static CibDocument edit(CibDocument cib, Edit edit) {
        Document copy = CibXml.copy(cib.dom());
        Bump bump = new Bump();
        edit.apply(copy, bump);
        if (CibXml.toXml(CibDocument.of(copy)).equals(CibXml.toXml(cib))) {
            return cib;
        }
        CibVersion next = bump.epoch ? cib.version().nextEpoch() : cib.version().nextUpdate();
        Element root = copy.getDocumentElement();
        root.setAttribute("epoch", Long.toString(next.epoch()));
        root.setAttribute("num_updates", Long.toString(next.numUpdates()));
        return CibDocument.of(copy);
    }

    private static boolean ensureNodeEntry(Document document, String node) {
        Element configuration = child(document.getDocumentElement(), "configuration", null);
        Element nodes = orCreate(document, configuration, "nodes", null, e -> { });
        for (Element entry : children(nodes)) {
            if (node.equals(entry.getAttribute("uname"))) {
                return false;
            }
        }
        Element entry = document.createElement("node");
        entry.setAttribute("id", node);
        entry.setAttribute("uname", node);
        nodes.appendChild(entry);
        return true;
    }

    private static Element status(Document document) {
        return orCreate(document, document.getDocumentElement(), "status", null, e -> { });
    }

    private static Element nodeState(Document document, String node) {
        return orCreate(document, status(document), "node_state", node, e -> e.setAttribute("uname", node));
    }

    private static Element lrmResources(Document document, Element state) {
        Element lrm = orCreate(document, state, "lrm", state.getAttribute("id"), e -> { });
        return orCreate(document, lrm, "lrm_resources", null, e -> { });
    }

    private static Element transientAttributes(Document document, Element state) {
        Element transients = orCreate(document, state, "transient_attributes", state.getAttribute("id"), e -> { });
        return orCreate(document, transients, "instance_attributes", "status-" + state.getAttribute("id"), e -> { });
    }

    private static Element nvpair(Document document, Element attributes, String node, String name) {
        for (Element pair : children(attributes)) {
            if (name.equals(pair.getAttribute("name"))) {
                return pair;
            }
        }
        Element pair = document.createElement("nvpair");
        pair.setAttribute("id", "status-" + node + "-" + name.replace('#', '.'));
        pair.setAttribute("name", name);
        attributes.appendChild(pair);
        return pair;
    }

    /** The child with this tag (and id, when given), made and appended when there is none. */
    private static Element orCreate(Document document, Element parent, String tag, String id, Consumer<Element> init) {
        Element found = child(parent, tag, id);
        if (found != null) {
            return found;
        }
        Element made = document.createElement(tag);
        if (id != null) {
            made.setAttribute("id", id);
        }
        init.accept(made);
        parent.appendChild(made);
        return made;
    }

    private static Element child(Element parent, String tag, String id) {
        if (parent == null) {
            return null;
        }
        for (Element e : children(parent)) {
            if (e.getTagName().equals(tag) && (id == null || id.equals(e.getAttribute("id")))) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        if (parent == null) {
            return elements;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static void removeChildren(Element parent) {
        while (parent.getFirstChild() != null) {
            parent.removeChild(parent.getFirstChild());
        }
    }
}
