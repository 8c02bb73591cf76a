package org.jheartbeat.policy.unpack;

import org.jheartbeat.cib.model.CompactElement;

/** One lrm_rsc_op entry of the status section; {@link OpRecordReader} reads them. */
record OpRecord(String task, long intervalMs, int callId, int rc, int opStatus, int expectedRc,
                String migrateSource, String migrateTarget, long lastRcChange, int digestAt, CompactElement element) {

    static final int PENDING = -1;
    static final int DONE = 0;
    static final int CANCELLED = 1;
    static final int NOT_INSTALLED = 7;
    private static final String[] COMMON_TASKS = {"monitor", "start", "stop", "promote", "demote", "notify"};

    /** The record {@code e}, whose fields are where {@code at} says. */
    static OpRecord of(CompactElement e, Positions at) {
        String task = task(e, at.operation);
        long interval = number(e, at.interval, 0);
        int callId = intNumber(e, at.callId, -1);
        boolean hasRc = at.rcCode >= 0;
        int rc = intNumber(e, at.rcCode, 0);
        int status = intNumber(e, at.opStatus, 0);
        // the magic only stands in for a key or an rc missing
        String magic = at.transitionKey < 0 || !hasRc ? value(e, at.transitionMagic) : null;
        String magicKey = at.transitionKey < 0 && magic != null && magic.contains(";")
                ? magic.substring(magic.indexOf(';') + 1) : null;
        if (!hasRc && magic != null && magic.contains(";")) {
            String[] sr = magic.substring(0, magic.indexOf(';')).split(":");
            if (sr.length == 2) {
                status = parseInt(sr[0], status);
                rc = parseInt(sr[1], rc);
            }
        }
        boolean probe = "monitor".equals(task) && interval == 0;
        boolean hasKey = at.transitionKey >= 0 || magicKey != null;
        // the key's third field: the rc the transition expects, read in place from the record
        int expected = !hasKey ? (probe ? 7 : 0)
                : at.transitionKey >= 0 ? e.attributeIntField(at.transitionKey, ':', 2, probe ? 7 : 0)
                : CompactElement.intField(magicKey, ':', 2, probe ? 7 : 0);
        if (callId == -1 && status == DONE && hasKey && at.callId >= 0 && e.attributeEquals(at.callId, "-1")) {
            status = PENDING;
        }
        long lastRun = number(e, at.lastRun, 0);
        return new OpRecord(task, interval, callId, rc, status, expected, value(e, at.migrateSource),
                value(e, at.migrateTarget), number(e, at.lastRcChange, lastRun), at.opDigest, e);
    }

    /**
     * The parameters' digest recorded (op-digest), null when none: read when asked for, as few
     * records are (the last that says what the agent runs with, and recurring ones) of 100,000.
     */
    String digest() {
        return value(element, digestAt);
    }

    /**
     * Whether the digest recorded is this one, compared where it is kept: no string made for
     * the digest of each resource's record that says what its agent runs with.
     */
    boolean digestIs(String digest) {
        return digestAt >= 0 && element.attributeEquals(digestAt, digest);
    }

    /** Whether a digest other than an empty one is recorded. */
    boolean hasDigest() {
        return digestAt >= 0 && !element.attributeEquals(digestAt, "");
    }

    private static String value(CompactElement e, int index) {
        return index < 0 ? null : e.attributeValue(index);
    }

    /** The number at {@code index}, {@code otherwise} when there is none or it is not one. */
    private static long number(CompactElement e, int index, long otherwise) {
        return index < 0 ? otherwise : e.attributeLong(index, otherwise);
    }

    /** The same for an int field: a number it cannot hold is none, as for {@link Integer#parseInt}. */
    private static int intNumber(CompactElement e, int index, int otherwise) {
        long number = number(e, index, otherwise);
        return number == (int) number ? (int) number : otherwise;
    }

    /**
     * The task, "" when none is recorded. The tasks nearly every record names come as these very
     * constants: no string made for each of 100,000 records, and the replay's comparisons with
     * them succeed at their first check.
     */
    private static String task(CompactElement e, int index) {
        if (index < 0) {
            return "";
        }
        for (String common : COMMON_TASKS) {
            if (e.attributeEquals(index, common)) {
                return common;
            }
        }
        return e.attributeValue(index);
    }

    /**
     * Where the attributes an operation record is made of are among its attributes, -1 when
     * absent: the same for every record written with the same attribute names in the same order.
     */
    static final class Positions {
        int operation = -1;
        int interval = -1;
        int callId = -1;
        int rcCode = -1;
        int opStatus = -1;
        int transitionKey = -1;
        int transitionMagic = -1;
        int migrateSource = -1;
        int migrateTarget = -1;
        int lastRcChange = -1;
        int lastRun = -1;
        int opDigest = -1;

        Positions(CompactElement e) {
            for (int i = 0; i < e.attributeCount(); i++) {
                switch (e.attributeName(i)) {
                    case "operation" -> operation = i;
                    case "interval" -> interval = i;
                    case "call-id" -> callId = i;
                    case "rc-code" -> rcCode = i;
                    case "op-status" -> opStatus = i;
                    case "transition-key" -> transitionKey = i;
                    case "transition-magic" -> transitionMagic = i;
                    case "migrate_source" -> migrateSource = i;
                    case "migrate_target" -> migrateTarget = i;
                    case "last-rc-change" -> lastRcChange = i;
                    case "last-run" -> lastRun = i;
                    case "op-digest" -> opDigest = i;
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
}
