package org.jheartbeat.cib.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The op-digest of the status section: MD5 over the parameters an operation ran with, written
 * as one XML element with the attributes in name order. The executor records it and the
 * scheduler compares it with the configuration to notice a changed definition.
 */
public final class OperationDigest {

    /** Copied for each digest ({@link #newMd5}), never used itself. */
    private static final MessageDigest MD5 = md5Algorithm();

    private OperationDigest() {
    }

    public static String of(Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder(" <parameters");
        new TreeMap<>(parameters).forEach((k, v) -> xml.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        return md5(xml.append("/>\n").toString());
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String md5(String text) {
        return HexFormat.of().formatHex(newMd5().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A copy of {@link #MD5}: the scheduler makes one digest per resource
     * and operation it checks (20,000 at 10,000 running resources), and looking the algorithm up among
     * the security providers each time cost half of making the digest.
     */
    private static MessageDigest newMd5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 can be copied", e);
        }
    }

    private static MessageDigest md5Algorithm() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java platform", e);
        }
    }
}
