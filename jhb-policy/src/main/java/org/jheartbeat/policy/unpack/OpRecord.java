package org.jheartbeat.policy.unpack;

import org.w3c.dom.Element;

/** One lrm_rsc_op entry of the status section. */
record OpRecord(String id, String task, long intervalMs, int callId, int rc, int opStatus, int expectedRc,
                String migrateSource, String migrateTarget, long lastRcChange, String digest, Element element) {

    static final int PENDING = -1;
    static final int DONE = 0;
    static final int CANCELLED = 1;
    static final int NOT_INSTALLED = 7;

    static OpRecord of(Element e) {
        String task = Xml.attr(e, "operation", "");
        long interval = parseLong(Xml.attr(e, "interval"), 0);
        int callId = parseInt(Xml.attr(e, "call-id"), -1);
        int rc = parseInt(Xml.attr(e, "rc-code"), 0);
        int status = parseInt(Xml.attr(e, "op-status"), 0);
        String key = Xml.attr(e, "transition-key");
        String magic = Xml.attr(e, "transition-magic");
        if (key == null && magic != null && magic.contains(";")) {
            key = magic.substring(magic.indexOf(';') + 1);
        }
        if (Xml.attr(e, "rc-code") == null && magic != null && magic.contains(";")) {
            String[] sr = magic.substring(0, magic.indexOf(';')).split(":");
            if (sr.length == 2) {
                status = parseInt(sr[0], status);
                rc = parseInt(sr[1], rc);
            }
        }
        boolean probe = "monitor".equals(task) && interval == 0;
        int expected = probe ? 7 : 0;
        if (key != null) {
            String[] parts = key.split(":");
            if (parts.length >= 3) {
                expected = parseInt(parts[2], expected);
            }
        }
        if (callId == -1 && status == DONE && key != null && "-1".equals(Xml.attr(e, "call-id"))) {
            status = PENDING;
        }
        return new OpRecord(Xml.attr(e, "id", ""), task, interval, callId, rc, status, expected,
                Xml.attr(e, "migrate_source"), Xml.attr(e, "migrate_target"),
                parseLong(Xml.attr(e, "last-rc-change"), parseLong(Xml.attr(e, "last-run"), 0)),
                Xml.attr(e, "op-digest"), e);
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
