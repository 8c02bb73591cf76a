package org.jheartbeat.lrm.agent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Directories of cluster-glue {@code external/*} plugin scripts besides cluster-glue's own
 * ({@code /usr/lib/stonith/plugins/external}, compiled into its {@code stonith} command, which
 * an operator may not want to write into): {@code STONITH_EXTERNAL_PATH}, colon-separated, as
 * {@code OCF_RA_PATH} is for OCF agents. A device of type {@code external/NAME} whose script
 * is found here is run directly with the external plugin protocol; any other type goes through
 * {@code stonith}.
 */
public record StonithPluginPath(List<Path> directories) {

    public static final String VARIABLE = "STONITH_EXTERNAL_PATH";
    public static final StonithPluginPath NONE = new StonithPluginPath(List.of());
    private static final String EXTERNAL = "external/";

    public StonithPluginPath {
        directories = List.copyOf(directories);
    }

    public static StonithPluginPath fromEnvironment(Map<String, String> environment) {
        List<Path> directories = new ArrayList<>();
        for (String dir : environment.getOrDefault(VARIABLE, "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                directories.add(Path.of(dir));
            }
        }
        return new StonithPluginPath(directories);
    }

    /** The script of an {@code external/NAME} type, when one of the directories holds it. */
    public Optional<Path> find(String type) {
        if (!type.startsWith(EXTERNAL) || type.substring(EXTERNAL.length()).contains("/")) {
            return Optional.empty();
        }
        String name = type.substring(EXTERNAL.length());
        return directories.stream().map(dir -> dir.resolve(name)).filter(Files::isRegularFile).findFirst();
    }
}
