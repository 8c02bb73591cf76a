package org.jheartbeat.lrm.agent;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every agent finds in its environment, whatever its class. Agents get this and what their
 * operation adds, never the daemon's own environment. The tools directory holds our
 * crm_attribute, crm_master, attrd_updater and crm_node: agents reach them through HA_SBIN_DIR
 * or PATH, so promotion scores and node attributes they set reach the cluster.
 *
 * @param ocfRoot OCF_ROOT, normally /usr/lib/ocf
 * @param resourceTemp HA_RSCTMP, where agents keep state files; must exist (Dummy fails without it)
 * @param toolsDirectory our command-line tools, first in PATH; null when there are none
 * @param stateDirectory the daemon's state directory (HA_STATE_DIR), where those tools find its
 *     socket; null for the default
 */
public record AgentEnvironment(Path ocfRoot, Path resourceTemp, Path toolsDirectory, Path stateDirectory) {

    /** The Pacemaker feature set agents compare against (ocf_promotion_score chooses crm_attribute -p from 3.10). */
    public static final String FEATURE_SET = "3.16.1";

    private static final Path SYSTEM_RESOURCE_TEMP = Path.of("/run/resource-agents");
    private static final String SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    /** Agents alone, without our tools. */
    public static AgentEnvironment agentsOnly(Path ocfRoot, Path resourceTemp) {
        return new AgentEnvironment(ocfRoot, resourceTemp, null, null);
    }

    Map<String, String> base() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", toolsDirectory == null ? SYSTEM_PATH : toolsDirectory + ":" + SYSTEM_PATH);
        env.put("HA_RSCTMP", resourceTemp.toString());
        if (!resourceTemp.equals(SYSTEM_RESOURCE_TEMP)) {
            // a node with a state directory of its own (several on one machine): agents that keep
            // pid and state files in HA_VARRUN (ocf:pacemaker:Dummy, anything) keep them apart too
            env.put("HA_VARRUN", resourceTemp.toString());
        }
        if (toolsDirectory != null) {
            env.put("HA_SBIN_DIR", toolsDirectory.toString());
        }
        if (stateDirectory != null) {
            env.put("HA_STATE_DIR", stateDirectory.toString());
        }
        env.put("LC_ALL", "C");
        return env;
    }
}
