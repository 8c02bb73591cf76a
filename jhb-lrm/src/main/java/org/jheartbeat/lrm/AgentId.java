package org.jheartbeat.lrm;

/**
 * Which agent runs a resource: its class ({@code standard}: ocf, lsb, heartbeat, stonith), the
 * provider (ocf only) and the type.
 */
public record AgentId(String standard, String provider, String type) {

    public AgentId {
        if (standard == null || standard.isBlank() || type == null || type.isBlank()) {
            throw new IllegalArgumentException("an agent needs a class and a type");
        }
        if ("ocf".equals(standard) && (provider == null || provider.isBlank())) {
            throw new IllegalArgumentException("an ocf agent needs a provider (e.g. ocf:heartbeat:" + type + ")");
        }
        if (type.contains("/") && !"stonith".equals(standard) || type.contains("..")) {
            throw new IllegalArgumentException("agent type '" + type + "' may not name a path");
        }
    }

    /**
     * Reads {@code class:provider:type} or {@code class:type}, as crm_resource and lrmadmin
     * write them.
     */
    public static AgentId parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length == 3) {
            return new AgentId(parts[0], parts[1], parts[2]);
        }
        if (parts.length == 2) {
            return new AgentId(parts[0], null, parts[1]);
        }
        throw new IllegalArgumentException("'" + text + "' is not an agent: write class:provider:type "
                + "(ocf:heartbeat:Dummy) or class:type (lsb:postgresql, stonith:null)");
    }

    @Override
    public String toString() {
        return provider == null ? standard + ":" + type : standard + ":" + provider + ":" + type;
    }
}
