package org.jheartbeat.messaging.auth;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The keys of an authkeys file: every defined key by number, and the one ({@code auth N}) that
 * signs outgoing packets. Incoming packets are checked with the key whose number they carry,
 * method and secret both (Heartbeat 3.0.6 mixes the packet's method with its own active
 * secret, which breaks rollover between different secrets; we do not).
 */
public record Authkeys(int activeIndex, Map<Integer, AuthKey> keys) {

    public Authkeys {
        keys = Map.copyOf(new TreeMap<>(keys));
        if (!keys.containsKey(activeIndex)) {
            throw new IllegalArgumentException("active key " + activeIndex + " is not defined");
        }
    }

    public AuthKey active() {
        return keys.get(activeIndex);
    }

    public Optional<AuthKey> byIndex(int index) {
        return Optional.ofNullable(keys.get(index));
    }
}
