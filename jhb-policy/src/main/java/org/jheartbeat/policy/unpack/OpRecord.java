package org.jheartbeat.policy.unpack;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CompactElement;

/** One lrm_rsc_op entry of the status section. */
record OpRecord(String id, String task, long intervalMs, int callId, int rc, int opStatus, int expectedRc,
                String migrateSource, String migrateTarget, long lastRcChange, String digest, CompactElement element) {

    static final int PENDING = -1;
    static final int DONE = 0;
    static final int CANCELLED = 1;
    static final int NOT_INSTALLED = 7;

    /** The operation records of an {@code lrm_resource}, in the order they happened ({@link CallOrder}). */
    static List<OpRecord> historyOf(CompactElement lrmResource) {
        List<OpRecord> ops = new ArrayList<>();
        for (CompactElement op : lrmResource.elements("lrm_rsc_op")) {
            ops.add(of(op));
        }
        CallOrder.sort(ops);
        return ops;
    }

    static OpRecord of(CompactElement e) {
        Fields f = new Fields(e);
        String task = f.operation == null ? "" : f.operation;
        long interval = parseLong(f.interval, 0);
        int callId = parseInt(f.callId, -1);
        int rc = parseInt(f.rcCode, 0);
        int status = parseInt(f.opStatus, 0);
        String key = f.transitionKey;
        String magic = f.transitionMagic;
        if (key == null && magic != null && magic.contains(";")) {
            key = magic.substring(magic.indexOf(';') + 1);
        }
        if (f.rcCode == null && magic != null && magic.contains(";")) {
            String[] sr = magic.substring(0, magic.indexOf(';')).split(":");
            if (sr.length == 2) {
                status = parseInt(sr[0], status);
                rc = parseInt(sr[1], rc);
            }
        }
        boolean probe = "monitor".equals(task) && interval == 0;
        int expected = probe ? 7 : 0;
        String expectedField = key == null ? null : thirdField(key);
        if (expectedField != null) {
            expected = parseInt(expectedField, expected);
        }
        if (callId == -1 && status == DONE && key != null && "-1".equals(f.callId)) {
            status = PENDING;
        }
        return new OpRecord(f.id == null ? "" : f.id, task, interval, callId, rc, status, expected,
                f.migrateSource, f.migrateTarget, parseLong(f.lastRcChange, parseLong(f.lastRun, 0)), f.opDigest, e);
    }

    /**
     * The third of the ':'-separated fields of a transition key (the rc expected; empty when it
     * is, which reads as no number), or null when there are fewer. Not split into an array:
     * 100,000 records.
     */
    private static String thirdField(String key) {
        int first = key.indexOf(':');
        int second = first < 0 ? -1 : key.indexOf(':', first + 1);
        if (second < 0) {
            return null;
        }
        int third = key.indexOf(':', second + 1);
        return key.substring(second + 1, third < 0 ? key.length() : third);
    }

    /**
     * The attributes an operation record is made of, null when absent, taken in one pass over
     * the element's attributes: a large status has 100,000 records of 17 attributes, and a
     * look-up by name for each field cost more than the rest of reading the history. Only the
     * values wanted are read (made strings).
     */
    private static final class Fields {
        String id;
        String operation;
        String interval;
        String callId;
        String rcCode;
        String opStatus;
        String transitionKey;
        String transitionMagic;
        String migrateSource;
        String migrateTarget;
        String lastRcChange;
        String lastRun;
        String opDigest;

        Fields(CompactElement e) {
            for (int i = 0; i < e.attributeCount(); i++) {
                switch (e.attributeName(i)) {
                    case "id" -> id = e.attributeValue(i);
                    case "operation" -> operation = e.attributeValue(i);
                    case "interval" -> interval = e.attributeValue(i);
                    case "call-id" -> callId = e.attributeValue(i);
                    case "rc-code" -> rcCode = e.attributeValue(i);
                    case "op-status" -> opStatus = e.attributeValue(i);
                    case "transition-key" -> transitionKey = e.attributeValue(i);
                    case "transition-magic" -> transitionMagic = e.attributeValue(i);
                    case "migrate_source" -> migrateSource = e.attributeValue(i);
                    case "migrate_target" -> migrateTarget = e.attributeValue(i);
                    case "last-rc-change" -> lastRcChange = e.attributeValue(i);
                    case "last-run" -> lastRun = e.attributeValue(i);
                    case "op-digest" -> opDigest = e.attributeValue(i);
                    default -> { }
                }
            }
        }
    }

    boolean probe() {
        return "monitor".equals(task) && intervalMs == 0;
    }

    private static int parseInt(String s, int otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static long parseLong(String s, long otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
