package org.jheartbeat.cli.crmresource;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.clusterstatus.ClusterStatus;
import org.jheartbeat.cli.clusterstatus.TextList;
import org.jheartbeat.policy.Scheduler;
import org.jheartbeat.policy.explain.Explanation;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.unpack.CibUnpacker;
import org.w3c.dom.Element;

/**
 * crm_resource's commands on the cluster's configuration and state: list, locate, move, ban
 * and clear (the location constraints named as Pacemaker names them: {@code cli-prefer-RSC},
 * {@code cli-ban-RSC-on-NODE}), instance and meta attributes, and why a resource is where it
 * is. Each answers with its exit status; messages go to the writers given.
 */
final class ResourceCommands {

    static final int ERROR = 1;
    static final int NO_SUCH = 105;

    private final ClusterCib cib;
    private final Instant now;
    private final PrintWriter out;
    private final PrintWriter err;

    ResourceCommands(ClusterCib cib, Instant now, PrintWriter out, PrintWriter err) {
        this.cib = cib;
        this.now = now;
        this.out = out;
        this.err = err;
    }

    int list() throws CibRequestException {
        Cluster cluster = CibUnpacker.unpack(cib.read(), now);
        if (cluster.resources().isEmpty()) {
            out.println("NO resources configured");
            return NO_SUCH;
        }
        TextList text = new TextList(false);
        new ClusterStatus(cluster, false).printResources(text, true);
        // crm_resource lists the resources without the status's heading
        String listed = text.text();
        out.print(listed.substring(listed.indexOf('\n') + 1));
        return 0;
    }

    int locate(String id) throws CibRequestException {
        Cluster cluster = CibUnpacker.unpack(cib.read(), now);
        Resource r = find(cluster, id);
        if (r == null) {
            return noSuch(id);
        }
        Set<Node> on = activeOn(r);
        if (on.isEmpty()) {
            out.println("resource " + id + " is NOT running");
        }
        for (Node node : on) {
            out.println("resource " + id + " is running on: " + node.name());
        }
        return 0;
    }

    /** --move: to the node named (cli-prefer), or away from where it runs (cli-ban). */
    int move(String id, String node) throws CibRequestException {
        Cluster cluster = CibUnpacker.unpack(cib.read(), now);
        Resource r = find(cluster, id);
        if (r == null) {
            return noSuch(id);
        }
        Set<Node> on = activeOn(r);
        if (node == null) {
            if (on.size() != 1) {
                err.println("crm_resource: Resource '" + id + "' not moved: active in " + on.size()
                        + " locations. To move it to a specific location, give the node with -N");
                return ERROR;
            }
            return ban(id, on.iterator().next().name());
        }
        if (cluster.node(node) == null) {
            return noSuchNode(node);
        }
        if (on.size() == 1 && on.iterator().next().name().equals(node)) {
            err.println("crm_resource: Error performing operation: Situation already as requested: " + id
                    + " is already active on " + node);
            return ERROR;
        }
        cib.put("constraints", "<rsc_location id=\"cli-prefer-" + id + "\" rsc=\"" + id + "\" role=\"Started\" node=\""
                + node + "\" score=\"INFINITY\"/>");
        return 0;
    }

    /** --ban: never on the node named, or on the one it runs on. */
    int ban(String id, String node) throws CibRequestException {
        Cluster cluster = CibUnpacker.unpack(cib.read(), now);
        Resource r = find(cluster, id);
        if (r == null) {
            return noSuch(id);
        }
        String banned = node;
        if (banned == null) {
            Set<Node> on = activeOn(r);
            if (on.size() != 1) {
                err.println("crm_resource: Resource '" + id + "' not moved: active in " + on.size()
                        + " locations. To prevent '" + id + "' from running on a specific location, give the node with -N");
                return ERROR;
            }
            banned = on.iterator().next().name();
        } else if (cluster.node(banned) == null) {
            return noSuchNode(banned);
        }
        String constraint = "cli-ban-" + id + "-on-" + banned;
        cib.put("constraints", "<rsc_location id=\"" + constraint + "\" rsc=\"" + id + "\" role=\"Started\" node=\""
                + banned + "\" score=\"-INFINITY\"/>");
        err.println("WARNING: Creating rsc_location constraint '" + constraint + "' with a score of -INFINITY for resource "
                + id + " on " + banned + ".");
        err.println("\tThis will prevent " + id + " from running on " + banned
                + " until the constraint is removed using the clear option or by editing the CIB with an appropriate tool");
        err.println("\tThis will be the case even if " + banned + " is the last node in the cluster");
        return 0;
    }

    /** --clear: the constraints move and ban made, for one node or all. */
    int clear(String id, String node) throws CibRequestException {
        CibDocument document = cib.read();
        if (ClusterCib.resource(document, id) == null) {
            return noSuch(id);
        }
        List<String> ids = new ArrayList<>();
        var locations = document.root().getElementsByTagName("rsc_location");
        for (int i = 0; i < locations.getLength(); i++) {
            Element location = (Element) locations.item(i);
            String name = location.getAttribute("id");
            boolean prefer = name.equals("cli-prefer-" + id) && (node == null || node.equals(location.getAttribute("node")));
            boolean ban = node == null ? name.startsWith("cli-ban-" + id + "-on-") : name.equals("cli-ban-" + id + "-on-" + node);
            if (prefer || ban) {
                ids.add(name);
            }
        }
        for (String name : ids) {
            cib.delete("//rsc_location[@id='" + name + "']");
            out.println("Removing constraint: " + name);
        }
        return 0;
    }

    /** --set-parameter: an instance attribute, or a meta attribute with --meta. */
    int setParameter(String id, String name, String value, boolean meta) throws CibRequestException {
        Element resource = ClusterCib.resource(cib.read(), id);
        if (resource == null) {
            return noSuch(id);
        }
        String set = id + (meta ? "-meta_attributes" : "-instance_attributes");
        String tag = meta ? "meta_attributes" : "instance_attributes";
        String existing = existingSet(resource, tag);
        String setId = existing != null ? existing : set;
        Element pair = pair(resource, tag, name);
        // an attribute already set keeps its nvpair (and id); a second one of the same name would be ambiguous
        String pairId = pair != null ? pair.getAttribute("id") : setId + "-" + name;
        if (pair != null) {
            setId = ((Element) pair.getParentNode()).getAttribute("id");
        }
        cib.put("resources", "<" + resource.getTagName() + " id=\"" + id + "\"><" + tag + " id=\"" + setId + "\">"
                + "<nvpair id=\"" + pairId + "\" name=\"" + CibXml.escapeAttribute(name) + "\" value=\""
                + CibXml.escapeAttribute(value) + "\"/></" + tag + "></" + resource.getTagName() + ">");
        out.println("Set '" + id + "' option: id=" + pairId + " set=" + setId + " name=" + name + " value=" + value);
        return 0;
    }

    int getParameter(String id, String name, boolean meta) throws CibRequestException {
        Element resource = ClusterCib.resource(cib.read(), id);
        if (resource == null) {
            return noSuch(id);
        }
        Element pair = pair(resource, meta ? "meta_attributes" : "instance_attributes", name);
        if (pair == null) {
            err.println("crm_resource: Attribute '" + name + "' not found for '" + id + "'");
            return NO_SUCH;
        }
        out.println(pair.getAttribute("value"));
        return 0;
    }

    int deleteParameter(String id, String name, boolean meta) throws CibRequestException {
        Element resource = ClusterCib.resource(cib.read(), id);
        if (resource == null) {
            return noSuch(id);
        }
        Element pair = pair(resource, meta ? "meta_attributes" : "instance_attributes", name);
        if (pair == null) {
            err.println("crm_resource: Attribute '" + name + "' not found for '" + id + "'");
            return NO_SUCH;
        }
        cib.delete("//nvpair[@id='" + pair.getAttribute("id") + "']");
        out.println("Deleted '" + id + "' option: id=" + pair.getAttribute("id") + " name=" + name);
        return 0;
    }

    /** --why: the scheduler's explanation of where the resource is, or should be. */
    int why(String id) throws CibRequestException {
        Cluster cluster = Scheduler.schedule(cib.read(), now).cluster();
        if (find(cluster, id) == null) {
            return noSuch(id);
        }
        new Explanation(cluster).of(id).forEach(out::println);
        return 0;
    }

    private static Resource find(Cluster cluster, String id) {
        Resource r = cluster.resources().get(id);
        if (r != null) {
            return r;
        }
        for (Resource top : cluster.resources().values()) {
            for (Resource child : top.children()) {
                if (child.id().equals(id)) {
                    return child;
                }
            }
        }
        return cluster.primitivesById().get(id);
    }

    private static Set<Node> activeOn(Resource r) {
        Set<Node> on = new LinkedHashSet<>();
        for (Primitive p : r.primitives()) {
            on.addAll(p.active().keySet());
        }
        return on;
    }

    private static String existingSet(Element resource, String tag) {
        for (org.w3c.dom.Node n = resource.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    private static Element pair(Element resource, String tag, String name) {
        for (org.w3c.dom.Node n = resource.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element set && set.getTagName().equals(tag)) {
                for (org.w3c.dom.Node m = set.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element pair && name.equals(pair.getAttribute("name"))) {
                        return pair;
                    }
                }
            }
        }
        return null;
    }

    private int noSuch(String id) {
        err.println("crm_resource: Resource '" + id + "' not found: check the id with crm_resource --list");
        err.println("Error performing operation: No such object");
        return NO_SUCH;
    }

    private int noSuchNode(String node) {
        err.println("crm_resource: Node '" + node + "' not found: see crm_node -l for the cluster's nodes");
        err.println("Error performing operation: No such object");
        return NO_SUCH;
    }
}
