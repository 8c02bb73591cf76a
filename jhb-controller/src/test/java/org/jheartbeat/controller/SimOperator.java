package org.jheartbeat.controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jheartbeat.cib.model.CibErrorCode;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.request.CibRequestException;
import org.jheartbeat.cib.request.CibRequest.Operation;

/**
 * An operator at work on the simulated cluster: the CIB changes crm_standby, crm_resource and
 * crm_attribute make (the same sections, elements and ids), submitted as cibadmin submits them
 * through one of the live nodes. Each change returns what undoes it, and is remembered so that a
 * run can put everything back ({@link #restoreAll}) before it checks that the cluster settled: an
 * undo made in a partition whose CIB loses at the merge is lost with it, as in Pacemaker.
 */
final class SimOperator {

    private final SimControllerCluster cluster;
    /** What puts each thing changed back as configured, by what it changed. */
    private final Map<String, Runnable> undo = new LinkedHashMap<>();

    SimOperator(SimControllerCluster cluster) {
        this.cluster = cluster;
    }

    /** crm_standby -N NODE -v on|off: the node attribute in its entry of the nodes section. */
    Runnable standby(int through, String node, boolean on) {
        submit(through, new CibRequest(Operation.MODIFY, "nodes", null, "<node id=\"" + node + "\" uname=\"" + node
                + "\"><instance_attributes id=\"nodes-" + node + "\"><nvpair id=\"nodes-" + node + "-standby\" "
                + "name=\"standby\" value=\"" + (on ? "on" : "off") + "\"/></instance_attributes></node>", true, false));
        return remember("standby " + node, () -> standby(through, node, false));
    }

    /** crm_resource --move -r RSC -N NODE: an INFINITY preference for the node. */
    Runnable move(int through, String resource, String node) {
        location(through, "cli-prefer-" + resource, resource, node, "INFINITY");
        return remember("location " + resource, () -> clear(through, resource));
    }

    /** crm_resource --ban -r RSC -N NODE: never on the node. */
    Runnable ban(int through, String resource, String node) {
        location(through, "cli-ban-" + resource + "-on-" + node, resource, node, "-INFINITY");
        return remember("location " + resource, () -> clear(through, resource));
    }

    /** crm_resource --clear -r RSC: the constraints move and ban made, whatever nodes they name. */
    void clear(int through, String resource) {
        delete(through, "//rsc_location[@id='cli-prefer-" + resource + "']");
        for (String node : cluster.names) {
            delete(through, "//rsc_location[@id='cli-ban-" + resource + "-on-" + node + "']");
        }
    }

    /** crm_resource --meta -r RSC -p NAME -v VALUE; a null value deletes it (--meta -d NAME). */
    Runnable meta(int through, String resource, String name, String value) {
        attribute(through, resource, "meta_attributes", name, value);
        return remember("meta " + resource + " " + name, () -> meta(through, resource, name, null));
    }

    /** {@link #meta} for the target-role: Started is the default, as if unset. */
    Runnable targetRole(int through, String resource, String role) {
        attribute(through, resource, "meta_attributes", "target-role", role);
        return remember("meta " + resource + " target-role", () -> targetRole(through, resource, "Started"));
    }

    /** crm_resource -r RSC -p NAME -v VALUE (an instance parameter: the resource restarts); null deletes it. */
    Runnable parameter(int through, String resource, String name, String value) {
        attribute(through, resource, "instance_attributes", name, value);
        return remember("parameter " + resource + " " + name, () -> parameter(through, resource, name, null));
    }

    /** crm_attribute -n NAME -v VALUE: a cluster option in cib-bootstrap-options. */
    Runnable clusterOption(int through, String name, String value, String defaultValue) {
        submit(through, new CibRequest(Operation.MODIFY, "crm_config", null,
                "<cluster_property_set id=\"cib-bootstrap-options\"><nvpair id=\"cib-bootstrap-options-" + name
                        + "\" name=\"" + name + "\" value=\"" + value + "\"/></cluster_property_set>", true, false));
        return remember("option " + name, () -> clusterOption(through, name, defaultValue, defaultValue));
    }

    /** Undoes every change made so far, again for those undone already (the undo may have been lost). */
    void restoreAll() {
        for (Runnable restore : List.copyOf(undo.values())) {
            restore.run();
        }
    }

    /** Records what undoes a change of that thing; returns it. */
    private Runnable remember(String key, Runnable restore) {
        undo.put(key, restore);
        return restore;
    }

    private void location(int through, String id, String resource, String node, String score) {
        submit(through, new CibRequest(Operation.MODIFY, "constraints", null, "<rsc_location id=\"" + id + "\" rsc=\""
                + resource + "\" role=\"Started\" node=\"" + node + "\" score=\"" + score + "\"/>", true, false));
    }

    /** An nvpair of the resource's set of that kind, with the ids crm_resource gives a new one. */
    private void attribute(int through, String resource, String set, String name, String value) {
        String setId = resource + "-" + set;
        if (value == null) {
            delete(through, "//" + tag(resource) + "[@id='" + resource + "']/" + set + "/nvpair[@name='" + name + "']");
            return;
        }
        submit(through, new CibRequest(Operation.MODIFY, "resources", null, "<" + tag(resource) + " id=\"" + resource
                + "\"><" + set + " id=\"" + setId + "\"><nvpair id=\"" + setId + "-" + name + "\" name=\"" + name
                + "\" value=\"" + value + "\"/></" + set + "></" + tag(resource) + ">", true, false));
    }

    private static String tag(String resource) {
        return "g".equals(resource) ? "group" : "primitive";
    }

    private void delete(int through, String xpath) {
        submit(through, new CibRequest(Operation.DELETE, null, xpath, null, false, false));
    }

    /**
     * Through the live node the number picks. A refusal (nothing to delete, the DC changed before
     * it answered) is what an operator would see and retry: the run's final restore does.
     */
    private void submit(int through, CibRequest request) {
        List<String> alive = cluster.alive();
        String node = alive.get(Math.floorMod(through, alive.size()));
        cluster.submit(node, request).whenComplete((done, error) -> {
            boolean nothingThere = error != null && CibRequestException.of(error).code() == CibErrorCode.NO_SUCH_OBJECT;
            if (error != null && !nothingThere && Boolean.getBoolean("jhb.sim.trace")) {
                System.err.println("SIM " + cluster.scheduler.clock().monotonicMillis() + " ms: " + request.operation()
                        + " through " + node + " refused: " + error.getMessage());
            }
        });
    }
}
