package org.jheartbeat.cib.verify;

import java.util.List;

/**
 * The resource agents a configuration may use. The verifier stays pure by asking this; the
 * implementation that looks at the installed agents lives with the tools.
 */
public interface AgentCatalog {

    /** Assumes every agent is installed and needs no parameters: for checks away from the nodes that run agents. */
    AgentCatalog TRUSTING = new AgentCatalog() {
        @Override
        public AgentPresence exists(AgentName agent) {
            return AgentPresence.INSTALLED;
        }

        @Override
        public List<String> requiredParameters(AgentName agent) {
            return List.of();
        }
    };

    AgentPresence exists(AgentName agent);

    /** The parameters the agent's meta-data marks {@code required="1"}; asked only of installed agents. */
    List<String> requiredParameters(AgentName agent);
}
