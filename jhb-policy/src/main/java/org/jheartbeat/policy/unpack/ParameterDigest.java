package org.jheartbeat.policy.unpack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import org.jheartbeat.policy.model.OpConfig;
import org.jheartbeat.policy.model.Primitive;

/**
 * The digest of a resource's parameters as the status section records it (op-digest), so a
 * changed definition is noticed: MD5 over the parameters written as one XML element with the
 * attributes in name order; recurring operations add their timeout.
 */
public final class ParameterDigest {

    private ParameterDigest() {
    }

    public static String of(Primitive rsc, String task, long intervalMs) {
        Map<String, String> params = new TreeMap<>(rsc.params());
        if (intervalMs > 0) {
            long timeout = 20_000;
            for (OpConfig op : rsc.ops()) {
                if (op.name().equals(task) && op.intervalMs() == intervalMs) {
                    timeout = op.timeoutMs();
                    break;
                }
            }
            params.put("CRM_meta_timeout", Long.toString(timeout));
        }
        StringBuilder xml = new StringBuilder(" <parameters");
        params.forEach((k, v) -> xml.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        xml.append("/>\n");
        return md5(xml.toString());
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String md5(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java platform", e);
        }
    }
}
