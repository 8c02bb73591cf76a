package org.jheartbeat.policy.unpack;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jheartbeat.cib.model.OperationDigest;
import org.jheartbeat.policy.model.OpConfig;
import org.jheartbeat.policy.model.Primitive;

/**
 * The digests of a resource's parameters as the status section records them, so a changed
 * definition is noticed: MD5 over the parameters written as one XML element with the attributes
 * in name order. The parameters are the resource's plus the operation's own; recurring operations
 * add their timeout. The restart digest (op-restart-digest) covers only the resource parameters
 * the agent cannot reload (named in op-force-restart) and the operation's own, so that when only
 * it still matches the agent can reload the change instead of restarting.
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
        if (record.digestIs(of(rsc, record.task(), 0))) {
            return true;
        }
        String secureDigest = record.element().attribute("op-secure-digest");
        String secureParams = record.element().attribute("op-secure-params");
        if (secureDigest == null || secureParams == null) {
            return false;
        }
        Set<String> secret = new HashSet<>(Arrays.asList(secureParams.trim().split("\\s+")));
        Map<String, String> params = new TreeMap<>(rsc.params());
        String featureSet = record.element().attribute("crm_feature_set");
        boolean withoutFencingOptions = "stonith".equals(rsc.standard())
                && RuleEvaluator.compareVersions(featureSet == null ? "0" : featureSet, "3.16.0") < 0;
        params.keySet().removeIf(k -> secret.contains(k) || withoutFencingOptions && k.startsWith("pcmk_"));
        return secureDigest.equals(OperationDigest.of(params));
    }


    public static String of(Primitive rsc, String task, long intervalMs) {
        Map<String, String> params = new TreeMap<>(rsc.params());
        OpConfig op = configured(rsc, task, intervalMs);
        if (op != null) {
            params.putAll(op.params());
        }
        if (intervalMs > 0) {
            params.put("CRM_meta_timeout", Long.toString(op == null ? 20_000 : op.timeoutMs()));
        }
        return OperationDigest.of(params);
    }

    /**
     * The restart digest; forceRestart is the recorded list of the parameters a reload cannot
     * change, or null when none was recorded (then every parameter counts).
     */
    public static String restart(Primitive rsc, String task, long intervalMs, String forceRestart) {
        Map<String, String> params = new TreeMap<>(rsc.params());
        if (forceRestart != null) {
            params.keySet().retainAll(new HashSet<>(Arrays.asList(forceRestart.trim().split("\\s+"))));
        }
        OpConfig op = configured(rsc, task, intervalMs);
        if (op != null) {
            params.putAll(op.params());
        }
        return OperationDigest.of(params);
    }

    private static OpConfig configured(Primitive rsc, String task, long intervalMs) {
        for (OpConfig op : rsc.ops()) {
            if (op.name().equals(task) && op.intervalMs() == intervalMs) {
                return op;
            }
        }
        return null;
    }
}
