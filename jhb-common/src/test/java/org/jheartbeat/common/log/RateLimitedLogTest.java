package org.jheartbeat.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    private final ManualClock clock = new ManualClock();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private RateLimitedLog log;

    @BeforeEach
    void setUp() {
        Logger logger = new LoggerContext().getLogger("badpackets");
        appender.start();
        logger.addAppender(appender);
        log = new RateLimitedLog(logger, clock, 3, Duration.ofSeconds(10));
    }

    private List<String> messages() {
        return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }

    @Test
    void writesAtMostTheLimitPerKeyPerInterval() {
        for (int packet = 1; packet <= 100; packet++) {
            log.warn("10.0.0.9", "bad packet {} from {}", packet, "10.0.0.9");
        }

        assertThat(messages()).containsExactly("WARN bad packet 1 from 10.0.0.9", "WARN bad packet 2 from 10.0.0.9",
                "WARN bad packet 3 from 10.0.0.9");
    }

    @Test
    void reportsTheSuppressedCountWhenTheWindowReopens() {
        for (int packet = 1; packet <= 10; packet++) {
            log.error("auth", "bad digest {}", packet);
        }
        clock.advance(Duration.ofSeconds(12));
        log.error("auth", "bad digest {}", 11);

        assertThat(messages()).containsExactly("ERROR bad digest 1", "ERROR bad digest 2", "ERROR bad digest 3",
                "ERROR suppressed 7 similar messages about auth in the last 12s", "ERROR bad digest 11");
    }

    @Test
    void keysAreLimitedIndependently() {
        for (int packet = 1; packet <= 5; packet++) {
            log.warn("a", "from a");
            log.warn("b", "from b");
        }

        assertThat(messages()).filteredOn(line -> line.endsWith("from a")).hasSize(3);
        assertThat(messages()).filteredOn(line -> line.endsWith("from b")).hasSize(3);
    }

    @Test
    void windowDoesNotReopenBeforeTheInterval() {
        for (int packet = 1; packet <= 4; packet++) {
            log.warn("k", "line {}", packet);
        }
        clock.advance(Duration.ofMillis(9_999));

        assertThat(log.warn("k", "line 5")).isFalse();
        assertThat(messages()).hasSize(3);
    }

    @Test
    void flushReportsQuietKeysAndSaysNothingWhenNothingWasSuppressed() {
        for (int packet = 1; packet <= 5; packet++) {
            log.warn("noisy", "line");
        }
        log.warn("quiet", "line");
        clock.advance(Duration.ofMillis(10_500));
        log.flushExpired();
        log.flushExpired();

        assertThat(messages()).endsWith("WARN suppressed 2 similar messages about noisy in the last 10500ms");
        assertThat(messages()).hasSize(5);
    }
}
