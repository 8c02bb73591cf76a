package org.jheartbeat.cib.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content of {@code cib.xml.sig}: the MD5 of the file's bytes as 32 lower-case hex digits.
 * MD5 because Pacemaker's {@code .sig} files hold an MD5 in that form; it guards against
 * corruption and edits behind the cluster's back, not against an attacker who can write the
 * directory. Pacemaker digests its own canonical form of the XML, we the exact bytes, so
 * any change to the file, even in white space, is seen.
 */
final class CibDigest {

    private CibDigest() {
    }

    static String of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
