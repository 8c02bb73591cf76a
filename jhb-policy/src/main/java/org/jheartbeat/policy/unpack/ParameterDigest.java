package org.jheartbeat.policy.unpack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /**
     * Whether a recorded non-recurring operation ran with the parameters configured now. Where
     * the full digest differs but the record also carries the digest without its secret
     * parameters (op-secure-params; records of feature sets before 3.16.0 also leave out a
     * fencing device's pcmk_ options), that one decides, as Pacemaker's crm_simulate does: a CIB
     * whose secrets were masked before it was handed over does not restart everything.
     */
    static boolean matchesDefinition(Primitive rsc, OpRecord record) {
        if (record.digest().equals(of(rsc, "start", 0))) {
            return true;
        }
        String secureDigest = Xml.attr(record.element(), "op-secure-digest");
        String secureParams = Xml.attr(record.element(), "op-secure-params");
        if (secureDigest == null || secureParams == null) {
            return false;
        }
        Set<String> secret = new HashSet<>(Arrays.asList(secureParams.trim().split("\\s+")));
        Map<String, String> params = new TreeMap<>(rsc.params());
        boolean withoutFencingOptions = "stonith".equals(rsc.standard())
                && olderThan316(Xml.attr(record.element(), "crm_feature_set"));
        params.keySet().removeIf(k -> secret.contains(k) || withoutFencingOptions && k.startsWith("pcmk_"));
        return secureDigest.equals(md5(xml(params)));
    }

    private static boolean olderThan316(String featureSet) {
        if (featureSet == null) {
            return true;
        }
        String[] v = featureSet.trim().split("\\.");
        try {
            int major = Integer.parseInt(v[0]);
            int minor = v.length > 1 ? Integer.parseInt(v[1]) : 0;
            return major < 3 || major == 3 && minor < 16;
        } catch (NumberFormatException e) {
            return true;
        }
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
        return md5(xml(params));
    }

    private static String xml(Map<String, String> sortedParams) {
        StringBuilder xml = new StringBuilder(" <parameters");
        sortedParams.forEach((k, v) -> xml.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
        return xml.append("/>\n").toString();
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
