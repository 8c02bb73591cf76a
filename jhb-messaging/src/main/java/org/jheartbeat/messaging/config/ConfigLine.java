package org.jheartbeat.messaging.config;

import java.nio.file.Path;
import java.util.List;
import org.jheartbeat.common.config.ConfigException;

/**
 * One directive line of a configuration file, comments removed and values split.
 *
 * @param file      the file it came from, for messages
 * @param number    1-based line number
 * @param directive the first token, as written (directive names are case-sensitive)
 * @param values    the remaining tokens
 */
public record ConfigLine(Path file, int number, String directive, List<String> values) {

    public ConfigLine {
        values = List.copyOf(values);
    }

    /** "file:line", the prefix of warnings. */
    public String where() {
        return file + ":" + number;
    }

    /** A warning text about this line, in the same shape as the errors. */
    public String warning(String text) {
        return where() + ": '" + directive + "': " + text;
    }

    public ConfigException error(String problem, String remedy) {
        return new ConfigException(file, number, directive, problem, remedy);
    }

    /** The line's values joined back with single blanks, for messages and "as written" values. */
    public String joinedValues() {
        return String.join(" ", values);
    }
}
