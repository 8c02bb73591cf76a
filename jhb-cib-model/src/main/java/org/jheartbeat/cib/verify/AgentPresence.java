package org.jheartbeat.cib.verify;

/** Whether a resource agent is installed where the check runs. */
public enum AgentPresence {
    INSTALLED,
    MISSING,
    /** This host cannot tell (for example no {@code stonith} command to list the plugins). */
    UNVERIFIABLE
}
