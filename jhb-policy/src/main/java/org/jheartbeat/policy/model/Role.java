package org.jheartbeat.policy.model;

/** A resource's role on a node, in Pacemaker's order (a higher role includes the lower ones). */
public enum Role {
    UNKNOWN("Unknown"),
    STOPPED("Stopped"),
    STARTED("Started"),
    UNPROMOTED("Unpromoted"),
    PROMOTED("Promoted");

    private final String text;

    Role(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public boolean isActive() {
        return this.compareTo(STARTED) >= 0;
    }

    /** Reads target-role and the status section's role names, old and new. */
    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "stopped" -> STOPPED;
            case "started" -> STARTED;
            case "slave", "unpromoted" -> UNPROMOTED;
            case "master", "promoted" -> PROMOTED;
            case "unknown" -> UNKNOWN;
            default -> null;
        };
    }
}
