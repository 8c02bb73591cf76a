package org.jheartbeat.lrm;

/** A result the LRM reports upward: every one-shot operation's, and a recurring one's when it changes. */
public record OperationEvent(String resourceId, long callId, OperationRequest operation, OperationResult result) {
}
