package org.jheartbeat.cli.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/install into a DESTDIR, and the installed launchers finding their jars. */
class BinInstallTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    record Result(int exitCode, String out, String err) {
    }

    private static Result run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("DESTDIR");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    /** The runtime class path of this module as a directory of jars, like jhb-dist/target/lib. */
    private Path libFromClassPath() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar")) {
                Files.copy(path, lib.resolve(path.getFileName()));
            } else if (Files.isDirectory(path) && !path.endsWith("test-classes")) {
                jar(path, lib.resolve("classes-" + n++ + ".jar"));
            }
        }
        return lib;
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }

    @Test
    void installsTheTreeIntoDestdirAndTheInstalledToolRuns() throws Exception {
        Path lib = libFromClassPath();
        Path dest = tmp.resolve("root");

        Result install = run(Map.of("JHB_LIB", lib.toString()), REPO.resolve("bin/install").toString(), dest.toString());

        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).contains("users and groups not created");
        try (Stream<Path> jars = Files.list(dest.resolve("usr/share/jheartbeat/lib"))) {
            assertThat(jars.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("picocli"));
        }
        assertThat(Files.readSymbolicLink(dest.resolve("usr/sbin/heartbeat"))).isEqualTo(Path.of("../share/jheartbeat/bin/heartbeat"));
        assertThat(Files.readSymbolicLink(dest.resolve("usr/bin/cl_status"))).isEqualTo(Path.of("../share/jheartbeat/bin/cl_status"));
        assertThat(dest.resolve("usr/share/jheartbeat/bin/.launch")).isExecutable();
        assertThat(dest.resolve("usr/bin/install")).doesNotExist();
        assertThat(dest.resolve("usr/bin/test")).doesNotExist();
        assertThat(dest.resolve("usr/bin/heartbeat")).doesNotExist();
        assertThat(dest.resolve("etc/init.d/heartbeat")).isExecutable();
        assertThat(dest.resolve("lib/systemd/system/heartbeat.service")).content().contains("RestartPreventExitStatus=6");
        assertThat(dest.resolve("etc/ha.d")).isDirectory();
        assertThat(dest.resolve("var/lib/heartbeat")).isDirectory();

        Result clStatus = run(Map.of(), dest.resolve("usr/bin/cl_status").toString(),
                "--state-dir", tmp.resolve("state").toString(), "hbstatus");

        assertThat(clStatus).isEqualTo(new Result(1, "Heartbeat is stopped on this machine.\n", clStatus.err()));
        assertThat(clStatus.err()).contains("no socket at " + tmp.resolve("state/heartbeat.sock"));
    }

    @Test
    void installRefusesAnUnbuiltTree() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Result install = run(Map.of("JHB_LIB", empty.toString()), REPO.resolve("bin/install").toString(), tmp.resolve("root").toString());

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.err()).isEqualTo("bin/install: no jars in " + empty + ": run mvn -q install -DskipTests first\n");
        assertThat(tmp.resolve("root")).doesNotExist();
    }

    @Test
    void launcherSaysToBuildFirst() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Result launch = run(Map.of("JHB_LIB", empty.toString()), REPO.resolve("bin/cl_status").toString(), "hbstatus");

        assertThat(launch).isEqualTo(new Result(1, "",
                "jheartbeat: no jars in " + empty + ": run mvn -q install -DskipTests first (at the top of the source tree)\n"));
    }

    @Test
    void scriptsAreValidShell() throws Exception {
        for (String script : List.of("bin/.launch", "bin/install", "bin/heartbeat", "bin/cl_status", "packaging/init.d/heartbeat")) {
            assertThat(run(Map.of(), "sh", "-n", REPO.resolve(script).toString()).exitCode()).as(script).isZero();
        }
    }

    @Test
    void initScriptStatusIsThreeWhenStopped() throws Exception {
        Map<String, String> env = Map.of("HEARTBEAT_DEFAULTS", tmp.resolve("none").toString(), "HA_STATE_DIR", tmp.toString());

        assertThat(run(env, REPO.resolve("packaging/init.d/heartbeat").toString(), "status"))
                .isEqualTo(new Result(3, "heartbeat is stopped.\n", ""));
        assertThat(run(env, REPO.resolve("packaging/init.d/heartbeat").toString(), "reload").exitCode()).isEqualTo(7);
    }
}
