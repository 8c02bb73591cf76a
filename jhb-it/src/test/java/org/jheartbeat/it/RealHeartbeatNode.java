package org.jheartbeat.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;

/**
 * Debian's heartbeat 3.0.6 running as one node inside a test namespace. Heartbeat reads fixed
 * paths (/etc/ha.d, /var/lib/heartbeat, /run), so a holder process gives it a private mount and
 * UTS namespace with those bind-mounted from the test directory and the node name as hostname.
 */
final class RealHeartbeatNode implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/libexec/heartbeat/heartbeat");

    private final String name;
    private final Path dir;
    private Process holder;

    RealHeartbeatNode(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    Path logFile() {
        return dir.resolve("ha-log");
    }

    /** Creates the holder in the namespace with the node's files; haCfLines exclude the log lines. */
    void prepare(String namespace, List<String> haCfLines, String secret) throws IOException, InterruptedException {
        Path etc = dir.resolve("etc-ha.d");
        Path varlib = dir.resolve("varlib");
        Path run = dir.resolve("run");
        Files.createDirectories(etc);
        Files.createDirectories(varlib);
        Netns.run("cp", "-a", "/etc/ha.d/.", etc.toString());
        Netns.run("cp", "-a", "/var/lib/heartbeat/.", varlib.toString());
        Netns.run("rm", "-f", varlib.resolve("hb_uuid").toString(), varlib.resolve("hb_generation").toString(),
                varlib.resolve("hostcache").toString(), varlib.resolve("delhostcache").toString());
        for (String sub : List.of("heartbeat/ccm", "heartbeat/crm", "heartbeat/dopd", "lock/subsys",
                "resource-agents")) {
            Files.createDirectories(run.resolve(sub));
        }
        Netns.run("chown", "-R", "hacluster:haclient", run.resolve("heartbeat").toString());
        List<String> lines = new ArrayList<>(List.of("logfacility none", "logfile " + logFile(),
                "debugfile " + dir.resolve("ha-debug")));
        lines.addAll(haCfLines);
        Files.write(etc.resolve("ha.cf"), lines);
        Path authkeys = etc.resolve("authkeys");
        Files.writeString(authkeys, "auth 1\n1 sha1 " + secret + "\n");
        Files.setPosixFilePermissions(authkeys, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(etc.resolve("haresources"), "");
        holder = new ProcessBuilder("ip", "netns", "exec", namespace, "unshare", "--mount", "--uts",
                "--propagation", "private", "bash", "-c",
                "mount --bind '" + etc + "' /etc/ha.d && mount --bind '" + varlib + "' /var/lib/heartbeat && "
                        + "mount --bind '" + run + "' /run && hostname " + name + " && exec sleep infinity")
                .redirectErrorStream(true).redirectOutput(dir.resolve("holder.out").toFile()).start();
        for (int i = 0; i < 50 && !inside("uname", "-n").trim().equals(name); i++) {
            holder.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts heartbeat; it puts itself in the background. */
    void start() throws IOException {
        inside("env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", BINARY.toString());
    }

    /** Runs a command inside the node (its network, mounts and hostname) and returns its output. */
    String inside(String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("nsenter", "-t", Long.toString(holderPid()), "-m", "-u", "-n",
                "--"));
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return output;
    }

    /** cl_status of the real node, e.g. {@code nodestatus node02}. */
    String clStatus(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("cl_status"));
        command.addAll(List.of(args));
        return inside(command.toArray(String[]::new)).trim();
    }

    /** kill -9 of every heartbeat process of this node. */
    void kill9() throws IOException, InterruptedException {
        String mountNs = Files.readSymbolicLink(Path.of("/proc", Long.toString(holderPid()), "ns", "mnt")).toString();
        List<ProcessHandle> killed = new ArrayList<>();
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            try {
                Path ns = Path.of("/proc", Long.toString(process.pid()), "ns", "mnt");
                String command = process.info().command().orElse("");
                if (command.endsWith("heartbeat") && Files.readSymbolicLink(ns).toString().equals(mountNs)) {
                    process.destroyForcibly();
                    killed.add(process);
                }
            } catch (IOException | SecurityException e) {
                // the process ended while we looked
            }
        }
        // A killed daemon still writing its state would keep the test's directory from being removed.
        for (ProcessHandle process : killed) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // gone already, or stuck in the kernel: nothing more a test can do
            }
        }
        Files.deleteIfExists(dir.resolve("run").resolve("heartbeat.pid"));
    }

    String log() throws IOException {
        return Files.exists(logFile()) ? Files.readString(logFile()) : "";
    }

    private long holderPid() {
        return holder.pid();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (holder != null) {
            kill9();
            holder.destroyForcibly();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
