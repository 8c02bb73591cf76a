package org.jheartbeat.messaging.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jheartbeat.common.config.ConfigException;

/**
 * Splits a Heartbeat-style configuration file into directive lines: blank lines and
 * {@code #} comments dropped, tokens separated by the given separator characters.
 */
final class ConfigFileReader {

    /** ha.cf separates values with blanks, tabs or commas. */
    static final String BLANKS_AND_COMMAS = " \t,";
    /** authkeys and logd.cf separate values with blanks and tabs only. */
    static final String BLANKS = " \t";

    private ConfigFileReader() {
    }

    /**
     * Reads the file. {@code commentAnywhere} makes {@code #} start a comment wherever it is
     * (ha.cf, logd.cf); otherwise only a {@code #} at the start of a token does, so a secret
     * may contain {@code #}.
     */
    static List<ConfigLine> read(Path file, String separators, boolean commentAnywhere) throws ConfigException {
        List<String> raw = readAll(file);
        Pattern splitter = Pattern.compile("[" + Pattern.quote(separators) + "]+");
        List<ConfigLine> lines = new ArrayList<>();
        for (int index = 0; index < raw.size(); index++) {
            String text = stripComment(raw.get(index), commentAnywhere).strip();
            String[] tokens = Arrays.stream(splitter.split(text)).filter(token -> !token.isEmpty())
                    .toArray(String[]::new);
            if (tokens.length > 0) {
                lines.add(new ConfigLine(file, index + 1, tokens[0],
                        Arrays.asList(tokens).subList(1, tokens.length)));
            }
        }
        return lines;
    }

    private static List<String> readAll(Path file) throws ConfigException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new ConfigException(file, 0, null, "file not found", "Create it (see docs/configuration.md)");
        } catch (IOException | RuntimeException unreadable) {
            throw new ConfigException(file, 0, null, "cannot read the file: " + unreadable,
                    "Check that it exists, is a UTF-8 text file and is readable by the daemon");
        }
    }

    private static String stripComment(String line, boolean commentAnywhere) {
        for (int at = line.indexOf('#'); at >= 0; at = line.indexOf('#', at + 1)) {
            if (commentAnywhere || at == 0 || Character.isWhitespace(line.charAt(at - 1))) {
                return line.substring(0, at);
            }
        }
        return line;
    }
}
