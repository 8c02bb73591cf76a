package org.jheartbeat.messaging.auth;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digests Heartbeat puts in its packets, as lowercase hex text.
 *
 * <ul>
 *   <li>{@code sha1}, {@code md5}, {@code sha256}: HMAC (RFC 2104) keyed with the secret bytes,
 *       full-length hex (40, 32, 64 characters).</li>
 *   <li>{@code crc}: CRC-32 (see {@link Crc32Posix}) printed like C's {@code %x}, without zero
 *       padding, so 1 to 8 characters. <b>crc does not authenticate</b>: it has no secret, so
 *       anyone who can send a packet can compute a valid crc for any content. It only catches
 *       corruption; use sha1 or sha256 on any network an attacker could reach.</li>
 * </ul>
 *
 * Thread-safe: each thread keeps its own {@link Mac} instances, because looking one up is far
 * more expensive than initialising it, and this runs for every packet sent and received.
 */
public final class Signature {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<Mac[]> MACS =
            ThreadLocal.withInitial(() -> new Mac[AuthMethod.values().length]);

    private Signature() {
    }

    /** The digest of {@code data[off, off+len)} under {@code key}, as Heartbeat writes it. */
    public static String digest(AuthKey key, byte[] data, int off, int len) {
        if (key.method() == AuthMethod.CRC) {
            return Integer.toHexString(Crc32Posix.of(data, off, len));
        }
        Mac mac = mac(key);
        mac.update(data, off, len);
        return hex(mac.doFinal());
    }

    /**
     * Whether {@code expectedHex[expOff, expOff+expLen)} (ASCII, as found in a packet) is exactly
     * the digest of {@code data[off, off+len)} under {@code key}. The comparison takes the same
     * time wherever the first difference is, so timing does not reveal how much of a forged
     * digest was right.
     */
    public static boolean verify(AuthKey key, byte[] data, int off, int len,
                                 byte[] expectedHex, int expOff, int expLen) {
        String actual = digest(key, data, off, len);
        int difference = actual.length() ^ expLen;
        for (int i = 0; i < actual.length(); i++) {
            byte expected = i < expLen ? expectedHex[expOff + i] : 0;
            difference |= actual.charAt(i) ^ expected;
        }
        return difference == 0;
    }

    private static Mac mac(AuthKey key) {
        Mac[] macs = MACS.get();
        int slot = key.method().ordinal();
        if (macs[slot] == null) {
            macs[slot] = newMac(key.method());
        }
        Mac mac = macs[slot];
        byte[] secret = key.secret();
        // HMAC zero-pads short keys, so an empty secret is the same key as one zero byte;
        // SecretKeySpec refuses empty keys.
        if (secret.length == 0) {
            secret = new byte[1];
        }
        try {
            mac.init(new SecretKeySpec(secret, mac.getAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise " + mac.getAlgorithm(), e);
        }
        return mac;
    }

    private static Mac newMac(AuthMethod method) {
        String algorithm = switch (method) {
            case MD5 -> "HmacMD5";
            case SHA1 -> "HmacSHA1";
            case SHA256 -> "HmacSHA256";
            case CRC -> throw new IllegalArgumentException("crc is not an HMAC");
        };
        try {
            return Mac.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks " + algorithm + ", which every Java 17 has", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] text = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(text);
    }
}
