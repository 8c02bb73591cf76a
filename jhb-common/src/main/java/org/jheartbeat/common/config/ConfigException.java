package org.jheartbeat.common.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used. The message names the file, the line, the
 * directive, what is wrong and what to do, so an operator can fix it without reading code.
 * Heartbeat exits with status 6 on any configuration error; so do we.
 */
public final class ConfigException extends Exception {

    /** Exit status of heartbeat on a configuration error (LSB "not configured"). */
    public static final int EXIT_STATUS = 6;

    private final Path file;
    private final int line;
    private final String directive;

    public ConfigException(Path file, int line, String directive, String problem, String remedy) {
        super(format(file, line, directive, problem, remedy));
        this.file = file;
        this.line = line;
        this.directive = directive;
    }

    private static String format(Path file, int line, String directive, String problem, String remedy) {
        StringBuilder text = new StringBuilder().append(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (directive != null && !directive.isEmpty()) {
            text.append('\'').append(directive).append("': ");
        }
        text.append(problem);
        if (remedy != null && !remedy.isEmpty()) {
            text.append(". ").append(remedy);
        }
        return text.toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    public String directive() {
        return directive;
    }
}
