package org.jheartbeat.cli.crmresource;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.client.Locations;
import org.jheartbeat.cli.ControllerCleanup;
import org.jheartbeat.client.ipc.IpcException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * crm_resource --cleanup / --refresh: a resource's history and failcounts forgotten on one node
 * or all, so the cluster probes it again. On a running cluster the controller does it (each
 * node's LRM forgets the resource, then the DC erases it from the status section); on a saved
 * CIB (CIB_file) the status section is edited directly.
 */
final class ResourceCleanup {

    private ResourceCleanup() {
    }

    static int onCluster(Locations locations, CibDocument cib, String id, String node, PrintWriter out, PrintWriter err) {
        try {
            ControllerCleanup.request(locations, id, node);
        } catch (IpcException e) {
            err.println("crm_resource: cannot clean up " + id + ": " + e.getMessage());
            return ResourceCommands.ERROR;
        }
        for (String name : nodes(cib, node)) {
            out.println("Cleaned up " + id + " on " + name);
        }
        return 0;
    }

    static int inFile(ClusterCib file, CibDocument cib, String id, String node, PrintWriter out) throws CibRequestException {
        for (String name : nodes(cib, node)) {
            String state = "/cib/status/node_state[@uname='" + name + "']";
            file.delete(state + "/lrm/lrm_resources/lrm_resource[@id='" + id + "']");
            for (String pair : failcountIds(cib, name, id)) {
                file.delete(state + "/transient_attributes/instance_attributes/nvpair[@id='" + pair + "']");
            }
            out.println("Cleaned up " + id + " on " + name);
        }
        return 0;
    }

    /** The node named, or every node with a status entry. */
    private static List<String> nodes(CibDocument cib, String node) {
        List<String> names = new ArrayList<>();
        NodeList states = cib.root().getElementsByTagName("node_state");
        for (int i = 0; i < states.getLength(); i++) {
            String name = ((Element) states.item(i)).getAttribute("uname");
            if (node == null || node.equals(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty() && node != null) {
            names.add(node);
        }
        return names;
    }

    private static List<String> failcountIds(CibDocument cib, String node, String id) {
        List<String> ids = new ArrayList<>();
        NodeList states = cib.root().getElementsByTagName("node_state");
        for (int i = 0; i < states.getLength(); i++) {
            Element state = (Element) states.item(i);
            if (!node.equals(state.getAttribute("uname"))) {
                continue;
            }
            NodeList pairs = state.getElementsByTagName("nvpair");
            for (int j = 0; j < pairs.getLength(); j++) {
                Element pair = (Element) pairs.item(j);
                String name = pair.getAttribute("name");
                if (name.startsWith("fail-count-" + id + "#") || name.startsWith("last-failure-" + id + "#")) {
                    ids.add(pair.getAttribute("id"));
                }
            }
        }
        return ids;
    }
}
