package org.jheartbeat.messaging;

/** A node's status as Heartbeat reports it on the wire ({@code st=}) and in cl_status. */
public enum NodeStatus {
    INIT("init"),
    UP("up"),
    ACTIVE("active"),
    DEAD("dead");

    private final String word;

    NodeStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The status for a wire word; unknown words (a newer peer) count as {@link #UP}. */
    public static NodeStatus ofWord(String word) {
        for (NodeStatus status : values()) {
            if (status.word.equals(word)) {
                return status;
            }
        }
        return UP;
    }

    public boolean alive() {
        return this != DEAD;
    }
}
