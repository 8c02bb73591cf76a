package org.jheartbeat.cli.crmsimulate;

import org.jheartbeat.cli.ToolFailure;

/**
 * An operation result given on the command line ({@code --op-inject}, {@code --op-fail}) as
 * {@code RESOURCE_TASK_INTERVAL@NODE=RC}, for example {@code memcached_monitor_20000@node1=7}:
 * the interval in milliseconds, RC an OCF exit code.
 */
record OpSpec(String resource, String task, long intervalMs, String node, int rc, String text) {

    /** Tasks with an underscore of their own, which the last-underscore rule would split. */
    private static final String[] TWO_WORD_TASKS = {"migrate_to", "migrate_from"};

    static OpSpec parse(String option, String text) throws ToolFailure {
        int at = text.lastIndexOf('@');
        int equals = text.lastIndexOf('=');
        if (at <= 0 || equals < at + 2 || equals == text.length() - 1) {
            throw invalid(option, text, "it is not RESOURCE_TASK_INTERVAL@NODE=RC");
        }
        String key = text.substring(0, at);
        String node = text.substring(at + 1, equals);
        int rc;
        try {
            rc = Integer.parseInt(text.substring(equals + 1));
        } catch (NumberFormatException e) {
            throw invalid(option, text, "the return code '" + text.substring(equals + 1) + "' is not a number");
        }
        int lastUnderscore = key.lastIndexOf('_');
        if (lastUnderscore <= 0) {
            throw invalid(option, text, "'" + key + "' is not RESOURCE_TASK_INTERVAL");
        }
        long interval;
        try {
            interval = Long.parseLong(key.substring(lastUnderscore + 1));
        } catch (NumberFormatException e) {
            throw invalid(option, text, "the interval '" + key.substring(lastUnderscore + 1)
                    + "' is not a number of milliseconds");
        }
        String rscAndTask = key.substring(0, lastUnderscore);
        for (String task : TWO_WORD_TASKS) {
            if (rscAndTask.endsWith("_" + task) && rscAndTask.length() > task.length() + 1) {
                return new OpSpec(rscAndTask.substring(0, rscAndTask.length() - task.length() - 1), task, interval,
                        node, rc, text);
            }
        }
        int taskStart = rscAndTask.lastIndexOf('_');
        if (taskStart <= 0 || taskStart == rscAndTask.length() - 1) {
            throw invalid(option, text, "'" + key + "' has no resource or no task before the interval");
        }
        return new OpSpec(rscAndTask.substring(0, taskStart), rscAndTask.substring(taskStart + 1), interval, node, rc,
                text);
    }

    private static ToolFailure invalid(String option, String text, String why) {
        return new ToolFailure(ExitCodes.USAGE, option + " " + text + ": " + why + ". Give"
                + " RESOURCE_TASK_INTERVAL@NODE=RC, for example rsc1_monitor_10000@node1=7");
    }

    /** Pacemaker's key for the operation: RESOURCE_TASK_INTERVAL. */
    String key() {
        return resource + "_" + task + "_" + intervalMs;
    }
}
