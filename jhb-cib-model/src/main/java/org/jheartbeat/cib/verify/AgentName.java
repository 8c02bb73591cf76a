package org.jheartbeat.cib.verify;

/** A resource agent as a primitive names it; {@code provider} is "" for classes without providers. */
public record AgentName(String agentClass, String provider, String type) {

    /** The {@code class:provider:type} form crm and pcs print. */
    @Override
    public String toString() {
        return agentClass + ":" + (provider.isEmpty() ? "" : provider + ":") + type;
    }
}
