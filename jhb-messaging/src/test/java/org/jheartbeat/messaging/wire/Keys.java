package org.jheartbeat.messaging.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Map;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;
import org.jheartbeat.messaging.auth.Authkeys;

/** Keys for codec tests. */
final class Keys {

    /** The secret of the test bed that produced the dump in heartbeat-real.md section 4.5. */
    static final String SECRET = "s3cr3tHBkey";

    private Keys() {
    }

    static AuthKey key(int index, AuthMethod method, String secret) {
        return new AuthKey(index, method, secret.getBytes(US_ASCII));
    }

    static AuthKey sha1() {
        return key(1, AuthMethod.SHA1, SECRET);
    }

    static Authkeys only(AuthKey key) {
        return new Authkeys(key.index(), Map.of(key.index(), key));
    }
}
