package org.jheartbeat.common.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class HeartbeatLoggingTest {

    private static final String STAMP = "\\d{4}/\\d{2}/\\d{2}_\\d{2}:\\d{2}:\\d{2}";
    private static final String PREFIX = "heartbeat\\[" + ProcessHandle.current().pid() + "\\]: " + STAMP + " ";

    @TempDir
    Path dir;

    private final Logger log = LoggerFactory.getLogger(HeartbeatLoggingTest.class);

    @AfterEach
    void resetLogging() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
    }

    private Path logfile() {
        return dir.resolve("ha-log");
    }

    private Path debugfile() {
        return dir.resolve("ha-debug");
    }

    private void configure(int debugLevel) {
        HeartbeatLogging.configure(new LogSettings("heartbeat", logfile(), debugfile(), null, debugLevel, false));
    }

    private void logOneOfEach() {
        log.debug("debug line {}", 1);
        log.info("Link node02:eth0 up.");
        log.warn("node node01: is dead");
        log.error("Cannot open ucast eth9");
        log.error(HeartbeatLogging.CRIT, "Emergency Shutdown: Master Control process died.");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    @Test
    void logfileGetsInfoAndAboveInHeartbeatsFormat() throws Exception {
        configure(1);
        logOneOfEach();

        List<String> lines = lines(logfile());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches(PREFIX + "info: Link node02:eth0 up\\.");
        assertThat(lines.get(1)).matches(PREFIX + "WARN: node node01: is dead");
        assertThat(lines.get(2)).matches(PREFIX + "ERROR: Cannot open ucast eth9");
        assertThat(lines.get(3)).matches(PREFIX + "CRIT: Emergency Shutdown: Master Control process died\\.");
    }

    @Test
    void debugfileGetsDebugLinesWhenTheDebugLevelIsAboveZero() throws Exception {
        configure(1);
        logOneOfEach();

        List<String> lines = lines(debugfile());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches(PREFIX + "debug: debug line 1");
        assertThat(HeartbeatLogging.debugLevel()).isEqualTo(1);
    }

    @Test
    void debugLevelZeroProducesNoDebugLines() throws Exception {
        configure(0);
        logOneOfEach();

        assertThat(lines(debugfile())).hasSize(4).noneMatch(line -> line.contains("debug:"));
        assertThat(log.isDebugEnabled()).isFalse();
    }

    @Test
    void debugLevelCanChangeAtRunTime() throws Exception {
        configure(0);
        HeartbeatLogging.setDebugLevel(2);
        log.debug("now visible");

        assertThat(lines(debugfile())).singleElement().asString().matches(PREFIX + "debug: now visible");
        assertThatThrownBy(() -> HeartbeatLogging.setDebugLevel(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesAreAppendedToExistingFiles() throws Exception {
        Files.writeString(logfile(), "old line\n");
        configure(0);
        log.info("new line");

        assertThat(lines(logfile())).hasSize(2).first().isEqualTo("old line");
    }

    @Test
    void syslogGetsHeartbeatsTagLevelWordAndSeverity() throws Exception {
        try (DatagramSocket syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            syslog.setSoTimeout(5000);
            HeartbeatLogging.configure(new LogSettings("heartbeat", null, null, "daemon", 0, false),
                    syslog.getLocalPort());

            log.debug("not sent");
            log.warn("node node01: is dead");
            log.error(HeartbeatLogging.CRIT, "Late heartbeat");

            // facility daemon = 3: priority 3*8 + 4 (warning) and 3*8 + 3 (err: Logback maps every error to err)
            assertThat(receive(syslog)).matches("<28>\\w{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\S+ heartbeat: \\["
                    + ProcessHandle.current().pid() + "\\]: WARN: node node01: is dead");
            assertThat(receive(syslog)).matches("<27>.* heartbeat: \\[\\d+\\]: CRIT: Late heartbeat");
        }
    }

    private static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void settingsRejectBadValues() {
        assertThatThrownBy(() -> new LogSettings("heart%beat", null, null, null, 0, false))
                .hasMessageContaining("entity must be");
        assertThatThrownBy(() -> new LogSettings("heartbeat", null, null, "daemons", 0, false))
                .hasMessageContaining("unknown syslog facility daemons");
        assertThatThrownBy(() -> new LogSettings("heartbeat", null, null, null, 256, false))
                .hasMessageContaining("debug level must be 0..255");
    }
}
