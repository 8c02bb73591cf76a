package org.jheartbeat.messaging.wire;

import java.util.Optional;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.Authkeys;
import org.jheartbeat.messaging.auth.Signature;

/**
 * Checks an authentication value {@code <key number> <digest>} (the netstring trailer or the
 * classic {@code auth=} line) against the bytes it signs, with the method and secret of the key
 * the packet names.
 */
final class AuthCheck {

    private static final int MAX_KEY_DIGITS = 2;

    private AuthCheck() {
    }

    /** The key number in {@code data[from, to)}, or -1 when it is not {@code <number> <digest>}. */
    static int keyIndex(byte[] data, int from, int to) {
        int blank = Bytes.indexOf(data, from, to, (byte) ' ');
        if (blank < 0 || blank + 1 == to) {
            return -1;
        }
        return Numbers.decimal(data, from, blank, MAX_KEY_DIGITS);
    }

    /** Null when the value at {@code data[from, to)} verifies {@code signed}, else the rejection. */
    static Decoded verify(byte[] data, int from, int to, Authkeys keys, byte[] signed, int off, int len) {
        int index = keyIndex(data, from, to);
        if (index < 0) {
            return Decoded.rejected(Reason.MALFORMED, "offset " + from
                    + ": expected '<key number> <digest>' (key number 0 to 15 without leading zero)");
        }
        Optional<AuthKey> key = keys.byIndex(index);
        if (key.isEmpty()) {
            return Decoded.rejected(Reason.UNKNOWN_KEY_INDEX, "signed with key " + index
                    + ", which authkeys does not define (defined: " + keys.keys().keySet() + ")");
        }
        int digestFrom = Bytes.indexOf(data, from, to, (byte) ' ') + 1;
        if (!Signature.verify(key.get(), signed, off, len, data, digestFrom, to - digestFrom)) {
            return Decoded.rejected(Reason.BAD_SIGNATURE, "digest at offset " + digestFrom + " does not match key "
                    + key.get() + ": different secret or method, or the packet was altered");
        }
        return null;
    }

    static Decoded malformed(int offset, String expected) {
        return Decoded.rejected(Reason.MALFORMED, "offset " + offset + ": " + expected);
    }

    /** Whether {@code data[from, to)} is a legal field name (see {@link FieldNames}). */
    static boolean legalName(byte[] data, int from, int to) {
        if (to <= from || to - from > FieldNames.MAX_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!FieldNames.isNameChar(data[i], i == from)) {
                return false;
            }
        }
        return true;
    }
}
