package org.jheartbeat.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.jheartbeat.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogdCfParserTest {

    @TempDir
    Path dir;

    private final LogdCfParser parser = new LogdCfParser();

    private LogdConfig parse(String... lines) throws ConfigException {
        return parser.parse(TestFiles.write(dir, "logd.cf", lines));
    }

    @Test
    void readsTheSample() throws Exception {
        assertThat(parser.parse(TestFiles.sample("logd.cf"))).isEqualTo(new LogdConfig("/var/log/cluster.log",
                "/var/log/cluster-debug.log", "local7", "hblogd", false, 512, 128, 0600, "cluster", true, List.of()));
    }

    @Test
    void emptyFileGivesTheDefaults() throws Exception {
        assertThat(parse("# nothing")).isEqualTo(LogdConfig.defaults());
        assertThat(LogdConfig.defaults()).isEqualTo(new LogdConfig("/var/log/ha-log", "/var/log/ha-debug", "daemon",
                "logd", false, 256, 256, 0644, null, null, List.of()));
    }

    @Test
    void facilityNoneDisablesSyslog() throws Exception {
        assertThat(parse("logfacility none").logfacility()).isNull();
    }

    @Test
    void longEntityIsTruncatedWithAWarning() throws Exception {
        LogdConfig config = parse("entity " + "x".repeat(40));

        assertThat(config.entity()).hasSize(32);
        assertThat(config.warnings()).containsExactly(dir.resolve("logd.cf") + ":1: 'entity': is longer than 32"
                + " characters; truncated");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "useapphbd maybe; 'useapphbd': 'maybe' is not a boolean. Use one of true, on, yes, y, 1 / false, off, no, n, 0",
        "syslogmsgfmt 2; 'syslogmsgfmt': '2' is not a boolean.",
        "sendqlen many; 'sendqlen': queue length 'many' is not a whole number from 1 to 1000000. Give a number",
        "recvqlen 0; 'recvqlen': queue length '0' is not a whole number from 1 to 1000000",
        "logmode 0999; 'logmode': '0999' is not an octal file mode. Write it like 0644 or 0600",
        "logfacility daemons; 'logfacility': 'daemons' is not a syslog facility. Use none or one of: kern, user",
        "Logfile /tmp/x; 'Logfile': unknown directive. Use one of logfile, debugfile, logfacility, entity,",
        "logfile; 'logfile': no value given. Write 'logfile VALUE' or remove the line"})
    void badValues(String line, String message) {
        ConfigException error = assertThrows(ConfigException.class, () -> parse("# logd", line));

        assertThat(error.getMessage()).startsWith(dir.resolve("logd.cf") + ":2: " + message);
    }
}
