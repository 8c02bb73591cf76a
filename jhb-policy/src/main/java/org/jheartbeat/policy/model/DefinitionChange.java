package org.jheartbeat.policy.model;

/**
 * How the definition a resource was started with on a node (its operation history) differs from
 * the configured one, and so what the transition must do about it there.
 */
public enum DefinitionChange {
    /** Another agent (class, provider or type) is configured: the old one is stopped, the new one started. */
    AGENT,
    /** Parameters the agent cannot take without a restart changed: restarted "due to resource definition change". */
    RESTART,
    /** Only parameters the agent can reload changed: reloaded in place. */
    RELOAD,
    /** A reload is due but the start has not finished yet, so it is restarted instead. */
    RESTART_PENDING_START
}
