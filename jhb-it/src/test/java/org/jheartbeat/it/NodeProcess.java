package org.jheartbeat.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.client.ipc.IpcClient;
import org.jheartbeat.client.ipc.IpcException;
import org.jheartbeat.client.status.HeartbeatView;
import org.jheartbeat.client.status.NodeView;

/** One real jheartbeat daemon process, optionally inside a network namespace. */
final class NodeProcess implements AutoCloseable {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    final String name;
    final Path dir;
    private final List<String> prefix;
    private final List<String> jvmOptions;
    /** Set in the environment of the daemon and the tools (HA_RESOURCEDIR, ...). */
    final Map<String, String> environment = new HashMap<>();
    private Process process;

    NodeProcess(String name, Path dir, List<String> commandPrefix) {
        this(name, dir, commandPrefix, List.of());
    }

    /** With extra JVM options for the daemon and the tools (-Dname=value). */
    NodeProcess(String name, Path dir, List<String> commandPrefix, List<String> jvmOptions) {
        this.name = name;
        this.dir = dir;
        this.prefix = List.copyOf(commandPrefix);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    Path configDir() {
        return dir.resolve("etc");
    }

    Path stateDir() {
        return dir.resolve("state");
    }

    Path logFile() {
        return dir.resolve("ha-log");
    }

    void start() throws IOException {
        Files.createDirectories(stateDir());
        process = builder(List.of("org.jheartbeat.daemon.HeartbeatMain",
                "--config-dir", configDir().toString(), "--state-dir", stateDir().toString(), "--node-name", name))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout").toFile()))
                .start();
    }

    /** Runs cl_status (ours) against this node and returns its exit code and output. */
    ToolResult clStatus(String... args) throws IOException, InterruptedException {
        return tool("org.jheartbeat.cli.clstatus.ClStatusMain", args);
    }

    /** Runs cibadmin (ours) against this node's daemon. */
    ToolResult cibadmin(String... args) throws IOException, InterruptedException {
        return tool("org.jheartbeat.cli.cibadmin.CibadminMain", args);
    }

    /** Runs crm_verify (ours) with this node's directories. */
    ToolResult crmVerify(String... args) throws IOException, InterruptedException {
        return tool("org.jheartbeat.cli.crmverify.CrmVerifyMain", args);
    }

    /** Runs crm_simulate (ours) with this node's directories. */
    ToolResult crmSimulate(String... args) throws IOException, InterruptedException {
        return tool("org.jheartbeat.cli.crmsimulate.CrmSimulateMain", args);
    }

    /** Runs crm_mon (ours) against this node's daemon. */
    ToolResult crmMon(String... args) throws IOException, InterruptedException {
        return tool("org.jheartbeat.cli.crmmon.CrmMonMain", args);
    }

    /** Runs lrmadmin (ours) against this node's daemon. */
    ToolResult lrmadmin(String... args) throws IOException, InterruptedException {
        return tool("org.jheartbeat.cli.lrmadmin.LrmAdminMain", args);
    }

    /** Runs one of our tools by its main class against this node's daemon. */
    ToolResult tool(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return tool(mainClass.getName(), args);
    }

    /** Runs {@code heartbeat ARGS} (e.g. -s, -k) on this node's directories and waits for it. */
    ToolResult heartbeat(String... args) throws IOException, InterruptedException {
        return tool("org.jheartbeat.daemon.HeartbeatMain", args);
    }

    private ToolResult tool(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(mainClass,
                "--config-dir", configDir().toString(), "--state-dir", stateDir().toString()));
        arguments.addAll(List.of(args));
        Process tool = builder(arguments).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ToolResult(tool.waitFor(), output);
    }

    /** Sends a signal (HUP, TERM, ...) to the daemon. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** Waits for the daemon to exit on its own and returns its exit status. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not exit");
        }
        return process.exitValue();
    }

    private ProcessBuilder builder(List<String> mainAndArgs) {
        ProcessBuilder builder = new ProcessBuilder(command(mainAndArgs));
        builder.environment().putAll(environment);
        return builder;
    }

    private List<String> command(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(JAVA, "-Xss512k", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return command;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** kill -9: the node vanishes without a word to its peers. */
    boolean alive() {
        return process != null && process.isAlive();
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** A dead machine's resources die with it: its agents' state is gone, as /run is after a reboot. */
    void machineDied() throws IOException {
        try (var files = Files.list(stateDir().resolve("rsctmp"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /** SIGTERM, as the init script sends; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.exists(logFile()) ? Files.readString(logFile()) : "";
    }

    String stdout() throws IOException {
        Path file = dir.resolve("stdout");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    HeartbeatView status() throws IpcException {
        return new IpcClient(stateDir().resolve("heartbeat.sock")).status();
    }

    /** How this node sees another one ("active", "dead", ...), or "unreachable" when it does not answer. */
    String statusOf(String node) {
        try {
            return status().nodes().stream().filter(n -> n.name().equals(node)).map(NodeView::status)
                    .findFirst().orElse("unknown");
        } catch (IpcException e) {
            return "unreachable";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running()) {
            kill9();
        }
    }

    record ToolResult(int exitCode, String output) {
    }
}
