package org.jheartbeat.messaging.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.Signature;

/** Hand-made packets for decoder tests. */
final class Packets {

    private Packets() {
    }

    /** {@code signedPart} (from ### through %%%\n) followed by a correct trailer. */
    static byte[] withTrailer(String signedPart, AuthKey key) {
        byte[] signed = signedPart.getBytes(ISO_8859_1);
        String value = key.index() + " " + Signature.digest(key, signed, 0, signed.length);
        return (signedPart + value.length() + ":" + value + ",").getBytes(ISO_8859_1);
    }

    /** A classic text packet: {@code >>>}, the lines, an auth line signing them, {@code <<<}. */
    static byte[] classicText(String lines, AuthKey key) {
        return classicText(lines, "", key);
    }

    /** As {@link #classicText(String, AuthKey)} with {@code after} lines after the auth line. */
    static byte[] classicText(String before, String after, AuthKey key) {
        byte[] signed = (before + after).getBytes(ISO_8859_1);
        String auth = "auth=" + key.index() + " " + Signature.digest(key, signed, 0, signed.length) + "\n";
        return (">>>\n" + before + auth + after + "<<<\n").getBytes(ISO_8859_1);
    }

    static String text(byte[] packet) {
        return new String(packet, ISO_8859_1);
    }

    static byte[] bytes(String text) {
        return text.getBytes(ISO_8859_1);
    }
}
