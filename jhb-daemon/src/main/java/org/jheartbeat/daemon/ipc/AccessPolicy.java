package org.jheartbeat.daemon.ipc;

import java.util.Optional;

/** Decides which local users may talk to the daemon. */
@FunctionalInterface
public interface AccessPolicy {

    /** Why this peer is refused, or empty when it is allowed. */
    Optional<String> refusal(PeerCredentials who);
}
