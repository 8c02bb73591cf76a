package org.jheartbeat.lrm.catalog;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jheartbeat.cib.verify.AgentCatalog;
import org.jheartbeat.cib.verify.AgentName;
import org.jheartbeat.cib.verify.AgentPresence;
import org.jheartbeat.lrm.agent.HeartbeatClass;
import org.jheartbeat.lrm.agent.LsbClass;
import org.jheartbeat.lrm.agent.OcfAgentPath;
import org.jheartbeat.lrm.agent.StonithPluginPath;

/**
 * The resource agents installed on this host, where the LRM looks for them: ocf agents under
 * {@code $OCF_ROOT/resource.d/PROVIDER/TYPE}, lsb scripts in {@code /etc/init.d}, Heartbeat
 * v1 scripts in {@code /etc/ha.d/resource.d}, systemd units, and STONITH plugins as
 * {@code stonith -L} (cluster-glue) lists them or fence agents on the PATH. Required parameters
 * come from running {@code AGENT meta-data}; answers are kept for the life of this object (one run).
 * It also lists what is installed and gives each agent's meta-data, as crm_resource shows them:
 * the agent's own for ocf and stonith, made up from the script for lsb and heartbeat.
 */
public final class InstalledAgents implements AgentCatalog {

    public static final Path DEFAULT_OCF_ROOT = Path.of("/usr/lib/ocf");
    private static final List<Path> UNIT_DIRS = List.of(Path.of("/etc/systemd/system"), Path.of("/usr/lib/systemd/system"),
            Path.of("/lib/systemd/system"));

    private final Path ocfRoot;
    private final OcfAgentPath ocfAgents;
    private final StonithPluginPath stonithExternal;
    private final Path initDir;
    private final Path heartbeatDir;
    private final List<Path> searchPath;
    private final Duration metaDataTimeout;
    private final Map<AgentName, List<String>> requiredByAgent = new HashMap<>();
    private final Map<AgentName, Optional<String>> metaDataByAgent = new HashMap<>();
    private Optional<List<String>> stonithPlugins;

    public InstalledAgents(Path ocfRoot, Path initDir, Path heartbeatDir, List<Path> searchPath, Duration metaDataTimeout) {
        this(ocfRoot, OcfAgentPath.under(ocfRoot), initDir, heartbeatDir, searchPath, metaDataTimeout);
    }

    public InstalledAgents(Path ocfRoot, OcfAgentPath ocfAgents, Path initDir, Path heartbeatDir, List<Path> searchPath,
            Duration metaDataTimeout) {
        this(ocfRoot, ocfAgents, StonithPluginPath.NONE, initDir, heartbeatDir, searchPath, metaDataTimeout);
    }

    /**
     * @param stonithExternal the external/* STONITH plugins outside cluster-glue's directory, which
     *     {@code stonith -L} does not list but the LRM runs
     */
    public InstalledAgents(Path ocfRoot, OcfAgentPath ocfAgents, StonithPluginPath stonithExternal, Path initDir,
            Path heartbeatDir, List<Path> searchPath, Duration metaDataTimeout) {
        this.stonithExternal = stonithExternal;
        this.ocfRoot = ocfRoot;
        this.ocfAgents = ocfAgents;
        this.initDir = initDir;
        this.heartbeatDir = heartbeatDir;
        this.searchPath = searchPath;
        this.metaDataTimeout = metaDataTimeout;
    }

    /**
     * As the LRM would see them: {@code OCF_ROOT}, {@code OCF_RA_PATH}, {@code STONITH_EXTERNAL_PATH}, {@code HA_RESOURCEDIR} and {@code PATH} from the
     * environment, sbin directories added.
     */
    public static InstalledAgents fromEnvironment(Map<String, String> env) {
        String ocfRoot = env.getOrDefault("OCF_ROOT", "");
        List<Path> searchPath = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                searchPath.add(Path.of(dir));
            }
        }
        searchPath.addAll(List.of(Path.of("/usr/sbin"), Path.of("/sbin")));
        Path root = ocfRoot.isEmpty() ? DEFAULT_OCF_ROOT : Path.of(ocfRoot);
        return new InstalledAgents(root, OcfAgentPath.fromEnvironment(env, root), StonithPluginPath.fromEnvironment(env),
                LsbClass.DIRECTORY, HeartbeatClass.directory(env), searchPath, Duration.ofSeconds(10));
    }

    @Override
    public AgentPresence exists(AgentName agent) {
        String type = agent.type();
        if (!agent.agentClass().equals("stonith") && !isPlainName(type)) {
            return AgentPresence.MISSING;
        }
        return switch (agent.agentClass()) {
            case "ocf" -> isPlainName(agent.provider()) ? present(ocfAgent(agent)) : AgentPresence.MISSING;
            case "lsb" -> present(initDir.resolve(type));
            case "heartbeat" -> present(heartbeatDir.resolve(type));
            case "systemd" -> systemdUnit(type);
            case "service" -> Files.isExecutable(initDir.resolve(type)) ? AgentPresence.INSTALLED : systemdUnit(type);
            case "stonith" -> stonithAgent(type);
            default -> AgentPresence.UNVERIFIABLE;
        };
    }

    @Override
    public List<String> requiredParameters(AgentName agent) {
        if (!agent.agentClass().equals("ocf")) {
            return List.of();
        }
        return requiredByAgent.computeIfAbsent(agent, this::readRequiredParameters);
    }

    /** The classes the LRM runs. */
    public List<String> standards() {
        return List.of("ocf", "lsb", "heartbeat", "stonith");
    }

    /** The providers in the OCF agent directories, sorted. */
    public List<String> ocfProviders() {
        return ocfAgents.directories().stream().flatMap(dir -> visibleEntries(dir, Files::isDirectory).stream())
                .distinct().sorted().toList();
    }

    /**
     * The agents of {@code ocf}, {@code ocf:PROVIDER}, {@code lsb}, {@code heartbeat} or
     * {@code stonith}, sorted; empty for anything else or when none is installed.
     */
    public List<String> agents(String standard) {
        if (standard.startsWith("ocf:")) {
            String provider = standard.substring(4);
            return isPlainName(provider) ? ocfAgentsOf(provider) : List.of();
        }
        switch (standard) {
            case "ocf":
                return ocfProviders().stream().flatMap(p -> ocfAgentsOf(p).stream()).distinct().sorted().toList();
            case "lsb":
                return executables(initDir);
            case "heartbeat":
                return executables(heartbeatDir);
            case "stonith":
                return stonithPlugins().orElse(List.of());
            default:
                return List.of();
        }
    }

    /** The agent's meta-data XML, or empty when it is not installed or gives none. */
    public Optional<String> metaData(AgentName agent) {
        return metaDataByAgent.computeIfAbsent(agent, this::readMetaData);
    }

    private Optional<String> readMetaData(AgentName agent) {
        if (exists(agent) != AgentPresence.INSTALLED) {
            return Optional.empty();
        }
        switch (agent.agentClass()) {
            case "ocf":
                return run(List.of(ocfAgent(agent).toString(), "meta-data"),
                        Map.of("OCF_ROOT", ocfRoot.toString(), "OCF_RESOURCE_INSTANCE", "meta-data"));
            case "lsb":
                return SynthesizedMetaData.lsb(agent.type(), initDir.resolve(agent.type()));
            case "heartbeat":
                return Optional.of(SynthesizedMetaData.heartbeat(agent.type()));
            case "stonith":
                return searchPath.stream().map(dir -> dir.resolve("stonith")).filter(Files::isExecutable).findFirst()
                        .flatMap(command -> run(List.of(command.toString(), "-t", agent.type(), "-m"), Map.of()));
            default:
                return Optional.empty();
        }
    }

    private static List<String> executables(Path directory) {
        return visibleEntries(directory, file -> Files.isRegularFile(file) && Files.isExecutable(file));
    }

    private static List<String> visibleEntries(Path directory, Predicate<Path> kind) {
        try (var entries = Files.list(directory)) {
            return entries.filter(kind).map(p -> p.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<String> ocfAgentsOf(String provider) {
        return ocfAgents.directories().stream().flatMap(dir -> executables(dir.resolve(provider)).stream())
                .distinct().sorted().toList();
    }

    private Path ocfAgent(AgentName agent) {
        return ocfAgents.find(agent.provider(), agent.type());
    }

    private static AgentPresence present(Path executable) {
        return Files.isRegularFile(executable) && Files.isExecutable(executable) ? AgentPresence.INSTALLED : AgentPresence.MISSING;
    }

    private static AgentPresence systemdUnit(String type) {
        String unit = type.contains(".") ? type : type + ".service";
        return UNIT_DIRS.stream().anyMatch(dir -> Files.exists(dir.resolve(unit))) ? AgentPresence.INSTALLED : AgentPresence.MISSING;
    }

    private AgentPresence stonithAgent(String type) {
        if (stonithExternal.find(type).isPresent()) {
            return AgentPresence.INSTALLED;
        }
        if (isPlainName(type) && searchPath.stream().anyMatch(dir -> Files.isExecutable(dir.resolve(type)))) {
            return AgentPresence.INSTALLED;
        }
        Optional<List<String>> plugins = stonithPlugins();
        if (plugins.isEmpty()) {
            return AgentPresence.UNVERIFIABLE;
        }
        return plugins.get().contains(type) ? AgentPresence.INSTALLED : AgentPresence.MISSING;
    }

    /** The plugins cluster-glue's {@code stonith -L} lists, or empty when there is no such command. */
    private Optional<List<String>> stonithPlugins() {
        if (stonithPlugins == null) {
            Optional<Path> stonith = searchPath.stream().map(dir -> dir.resolve("stonith")).filter(Files::isExecutable).findFirst();
            stonithPlugins = stonith.flatMap(command -> run(List.of(command.toString(), "-L"), Map.of()))
                    .map(out -> out.lines().map(String::trim).filter(line -> !line.isEmpty()).toList());
        }
        return stonithPlugins;
    }

    private List<String> readRequiredParameters(AgentName agent) {
        return run(List.of(ocfAgent(agent).toString(), "meta-data"),
                Map.of("OCF_ROOT", ocfRoot.toString(), "OCF_RESOURCE_INSTANCE", "crm_verify"))
                .flatMap(AgentMetaData::requiredParameters).orElse(List.of());
    }

    /** The command's output when it finishes within the timeout with status 0; stderr is dropped. */
    private Optional<String> run(List<String> command, Map<String, String> env) {
        Path output = null;
        try {
            output = Files.createTempFile("crm_verify", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(metaDataTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(Files.readString(output, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** A name that stays inside its directory. */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.equals("..") && !name.equals(".");
    }
}
