package org.jheartbeat.cli.attributes;

/**
 * Where an attribute lives: a node's transient attributes in the status section (gone when
 * the node restarts: lifetime reboot), a node's permanent ones in the nodes section (lifetime
 * forever), or a cluster option in crm_config.
 */
public enum AttributeScope {
    STATUS("status"),
    NODES("nodes"),
    CRM_CONFIG("crm_config");

    private final String word;

    AttributeScope(String word) {
        this.word = word;
    }

    /** crm_attribute's name for it, as printed by -G. */
    public String word() {
        return word;
    }

    /** From crm_attribute's -t (status, nodes, crm_config) or -l (reboot, forever). */
    public static AttributeScope parse(String text) {
        switch (text) {
            case "status":
            case "reboot":
                return STATUS;
            case "nodes":
            case "forever":
                return NODES;
            case "crm_config":
                return CRM_CONFIG;
            default:
                throw new IllegalArgumentException("'" + text + "' is not a lifetime or type: use reboot (status), "
                        + "forever (nodes) or crm_config");
        }
    }
}
