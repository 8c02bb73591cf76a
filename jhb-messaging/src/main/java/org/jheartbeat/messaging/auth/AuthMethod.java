package org.jheartbeat.messaging.auth;

/**
 * The authkeys signing methods, named as in the authkeys file (case-sensitive, like
 * Heartbeat's plugin names). {@code crc} only detects corruption: anyone can forge it, so it
 * does not authenticate. {@code sha256} is ours; Heartbeat 3.0.6 does not have it.
 */
public enum AuthMethod {
    CRC("crc", false),
    MD5("md5", true),
    SHA1("sha1", true),
    SHA256("sha256", true);

    private final String fileName;
    private final boolean needsKey;

    AuthMethod(String fileName, boolean needsKey) {
        this.fileName = fileName;
        this.needsKey = needsKey;
    }

    /** The name used in the authkeys file and in log lines. */
    public String fileName() {
        return fileName;
    }

    /** Whether the method takes a secret (crc must not have one, as in Heartbeat). */
    public boolean needsKey() {
        return needsKey;
    }

    /** The method with this authkeys name, or null when there is none. */
    public static AuthMethod byFileName(String name) {
        for (AuthMethod method : values()) {
            if (method.fileName.equals(name)) {
                return method;
            }
        }
        return null;
    }
}
