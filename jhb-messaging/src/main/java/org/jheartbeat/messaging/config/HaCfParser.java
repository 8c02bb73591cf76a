package org.jheartbeat.messaging.config;

import java.nio.file.Path;
import java.util.Locale;
import org.jheartbeat.common.config.ConfigException;

/**
 * Reads ha.cf the way Heartbeat 3.0.6 does (see docs/configuration.md for where we are
 * stricter). Node names are compared in lower case.
 */
public final class HaCfParser {

    private final HaCfDirectives directives = new HaCfDirectives();

    /**
     * Parses and validates the file.
     *
     * @param file      the ha.cf file
     * @param localNode this machine's node name ({@code uname -n})
     * @throws ConfigException naming file, line, directive, problem and remedy
     */
    public HaConfig parse(Path file, String localNode) throws ConfigException {
        HaCfDraft draft = new HaCfDraft(file);
        for (ConfigLine line : ConfigFileReader.read(file, ConfigFileReader.BLANKS_AND_COMMAS, true)) {
            directives.apply(line, draft);
        }
        return new HaCfValidator(draft, localNode.toLowerCase(Locale.ROOT)).validate();
    }
}
