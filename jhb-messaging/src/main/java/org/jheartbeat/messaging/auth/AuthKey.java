package org.jheartbeat.messaging.auth;

import java.util.Arrays;

/**
 * One key line of authkeys: {@code index method [secret]}.
 *
 * @param index  key number 0..15, sent in every packet so the receiver knows which key signed it
 * @param method signing method
 * @param secret secret bytes; empty for crc
 */
public record AuthKey(int index, AuthMethod method, byte[] secret) {

    public AuthKey {
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthKey key && key.index == index && key.method == method
                && Arrays.equals(key.secret, secret);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + method.hashCode()) + Arrays.hashCode(secret);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return index + " " + method.fileName();
    }
}
