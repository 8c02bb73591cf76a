package org.jheartbeat.lrm.agent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where OCF agents are looked for: {@code $OCF_ROOT/resource.d}, or the directories
 * {@code OCF_RA_PATH} lists (colon-separated, each holding PROVIDER/TYPE), as Pacemaker's
 * executor reads it from its environment. An agent is the first PROVIDER/TYPE found.
 */
public record OcfAgentPath(List<Path> directories) {

    public static final String VARIABLE = "OCF_RA_PATH";

    public OcfAgentPath {
        if (directories.isEmpty()) {
            throw new IllegalArgumentException("OCF agents need at least one directory to be looked for in");
        }
        directories = List.copyOf(directories);
    }

    public static OcfAgentPath under(Path ocfRoot) {
        return new OcfAgentPath(List.of(ocfRoot.resolve("resource.d")));
    }

    /** OCF_RA_PATH when the environment sets it, else OCF_ROOT's resource.d. */
    public static OcfAgentPath fromEnvironment(Map<String, String> environment, Path ocfRoot) {
        List<Path> directories = new ArrayList<>();
        for (String dir : environment.getOrDefault(VARIABLE, "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                directories.add(Path.of(dir));
            }
        }
        return directories.isEmpty() ? under(ocfRoot) : new OcfAgentPath(directories);
    }

    /** The agent's program: the first one installed, else where the first directory would hold it. */
    public Path find(String provider, String type) {
        for (Path dir : directories) {
            Path program = dir.resolve(provider).resolve(type);
            if (Files.isRegularFile(program)) {
                return program;
            }
        }
        return directories.get(0).resolve(provider).resolve(type);
    }
}
