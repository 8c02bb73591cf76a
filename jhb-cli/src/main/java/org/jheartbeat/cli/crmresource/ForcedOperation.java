package org.jheartbeat.cli.crmresource;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cli.clusterstatus.OcfResults;
import org.jheartbeat.client.Locations;
import org.jheartbeat.common.time.SystemClock;
import org.jheartbeat.exec.ProcessAgentLauncher;
import org.jheartbeat.lrm.AgentId;
import org.jheartbeat.lrm.OperationRequest;
import org.jheartbeat.lrm.OperationResult;
import org.jheartbeat.lrm.ResourceDefinition;
import org.jheartbeat.lrm.agent.AgentClass;
import org.jheartbeat.lrm.agent.AgentClasses;
import org.jheartbeat.lrm.agent.AgentEnvironment;
import org.jheartbeat.lrm.agent.HeartbeatClass;
import org.jheartbeat.lrm.agent.OcfAgentPath;
import org.jheartbeat.lrm.agent.StonithPluginPath;
import org.w3c.dom.Element;

/**
 * crm_resource's --force-start, --force-stop and --force-check: the resource's agent run here,
 * now, with its configured parameters and without the cluster (which neither knows nor
 * records it), as an operator does to debug an agent. The state the agent keeps goes where
 * this node's LRM keeps it, so the cluster's next probe sees what was done.
 */
final class ForcedOperation {

    private static final long TIMEOUT_MS = 20_000;
    private static final int OUTPUT_CAP = 64 * 1024;
    private static final String AGENT_TOOLS = "jhb.agentTools";

    private ForcedOperation() {
    }

    /** Runs the action ("start", "stop", "monitor") and returns the agent's OCF code. */
    static int run(CibDocument cib, String id, String action, Locations locations, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Element primitive = ClusterCib.resource(cib, id);
        if (primitive == null || !"primitive".equals(primitive.getTagName())) {
            err.println("crm_resource: --force-" + forceName(action) + " needs a primitive resource; '" + id + "' is "
                    + (primitive == null ? "not configured (see crm_resource --list)" : "a " + primitive.getTagName()));
            return ResourceCommands.NO_SUCH;
        }
        AgentId agent = new AgentId(primitive.getAttribute("class"),
                primitive.hasAttribute("provider") ? primitive.getAttribute("provider") : null, primitive.getAttribute("type"));
        String tools = System.getProperty(AGENT_TOOLS);
        AgentEnvironment environment = new AgentEnvironment(Path.of("/usr/lib/ocf"), locations.resourceTemp(),
                tools != null && Files.isDirectory(Path.of(tools)) ? Path.of(tools) : null, locations.stateDir());
        Files.createDirectories(locations.resourceTemp());
        Path work = Files.createTempDirectory("crm_resource-");
        try (ProcessAgentLauncher launcher = new ProcessAgentLauncher(work, OUTPUT_CAP, SystemClock.INSTANCE)) {
            AgentClass agentClass = AgentClasses.installed(environment,
                    OcfAgentPath.fromEnvironment(System.getenv(), environment.ocfRoot()),
                    HeartbeatClass.directory(System.getenv()), StonithPluginPath.fromEnvironment(System.getenv()),
                    launcher, SystemClock.INSTANCE).stream()
                    .filter(c -> c.standard().equals(agent.standard())).findFirst().orElse(null);
            if (agentClass == null) {
                err.println("crm_resource: class '" + agent.standard() + "' of " + id + " is not supported here");
                return ResourceCommands.ERROR;
            }
            OperationResult result = agentClass.execute(new ResourceDefinition(id, agent, parameters(primitive)),
                    OperationRequest.of(action, 0, TIMEOUT_MS)).get();
            if (!result.output().isBlank()) {
                result.output().lines().forEach(line -> out.println(" >  " + line));
            }
            out.println("Operation force-" + forceName(action) + " for " + id + " (" + agent + ") returned: '"
                    + OcfResults.text(result.rc()) + "' (" + result.rc() + ")"
                    + (result.exitReason() == null ? "" : ": " + result.exitReason()));
            return result.rc();
        } catch (ExecutionException e) {
            err.println("crm_resource: cannot run the agent of " + id + ": " + e.getCause().getMessage());
            return ResourceCommands.ERROR;
        } finally {
            deleteQuietly(work);
        }
    }

    private static String forceName(String action) {
        return "monitor".equals(action) ? "check" : action;
    }

    private static Map<String, String> parameters(Element primitive) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (org.w3c.dom.Node n = primitive.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element set && "instance_attributes".equals(set.getTagName())) {
                for (org.w3c.dom.Node m = set.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element pair && "nvpair".equals(pair.getTagName())) {
                        parameters.put(pair.getAttribute("name"), pair.getAttribute("value"));
                    }
                }
            }
        }
        return parameters;
    }

    private static void deleteQuietly(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
