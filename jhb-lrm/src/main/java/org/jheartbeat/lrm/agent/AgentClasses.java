package org.jheartbeat.lrm.agent;

import java.nio.file.Path;
import java.util.List;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.exec.ProcessAgentLauncher;

/**
 * The agent classes of a node, where Debian installs their agents: OCF under /usr/lib/ocf, LSB
 * scripts in /etc/init.d, Heartbeat-class scripts in /etc/ha.d/resource.d (or HA_RESOURCEDIR), and STONITH devices
 * through cluster-glue's stonith. The daemon's LRM and crm_resource's --force-* run the same.
 */
public final class AgentClasses {

    private AgentClasses() {
    }

    /**
     * @param ocfAgents where OCF agents are looked for (OCF_RA_PATH)
     * @param heartbeatScripts where Heartbeat-class scripts are ({@link HeartbeatClass#directory})
     * @param stonithPlugins where external/* STONITH plugins are looked for besides cluster-glue's own
     */
    public static List<AgentClass> installed(AgentEnvironment environment, OcfAgentPath ocfAgents,
            Path heartbeatScripts, StonithPluginPath stonithPlugins, ProcessAgentLauncher launcher, Clock clock) {
        return List.of(
                new OcfClass(environment, launcher, ocfAgents),
                new LsbClass(LsbClass.DIRECTORY, environment, launcher),
                new HeartbeatClass(heartbeatScripts, environment, launcher),
                new StonithClass(Path.of("/usr/sbin/stonith"), stonithPlugins, environment, launcher, clock));
    }
}
