package org.jheartbeat.lrm.agent;

/** The reason an OCF agent gives for its result: the last stderr line with the exit-reason prefix. */
final class ExitReason {

    static final String PREFIX = "ocf-exit-reason:";

    private ExitReason() {
    }

    static String from(String stderr) {
        String reason = null;
        for (String line : stderr.split("\n")) {
            if (line.startsWith(PREFIX)) {
                reason = line.substring(PREFIX.length()).strip();
            }
        }
        return Outcomes.limit(reason);
    }
}
