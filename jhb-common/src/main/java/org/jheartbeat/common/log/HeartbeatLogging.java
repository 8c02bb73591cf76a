package org.jheartbeat.common.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Sets up Logback for the daemon in code (no logback.xml at run time) so that lines look like
 * Heartbeat's. The log file gets info and above, the debug file everything, syslog info and above
 * (sent over UDP to the local syslog daemon at 127.0.0.1:514, CRIT with syslog severity err), stderr
 * everything when asked.
 * Debug lines are produced only when the debug level is above 0.
 */
public final class HeartbeatLogging {

    /** Marks an error as Heartbeat's CRIT level: {@code log.error(HeartbeatLogging.CRIT, "...")}. */
    public static final Marker CRIT = MarkerFactory.getMarker("CRIT");

    static final String SYSLOG_HOST = "127.0.0.1";
    static final int SYSLOG_PORT = 514;

    private static volatile int debugLevel;

    private HeartbeatLogging() {
    }

    /** Replaces the whole Logback configuration with the one described by the settings. */
    public static void configure(LogSettings settings) {
        configure(settings, SYSLOG_PORT);
    }

    static synchronized void configure(LogSettings settings, int syslogPort) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        registerLevelConverter(context);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        long pid = ProcessHandle.current().pid();
        if (settings.logfile() != null) {
            root.addAppender(file(context, "logfile", settings.logfile(), settings.entity(), pid, Level.INFO));
        }
        if (settings.debugfile() != null) {
            root.addAppender(file(context, "debugfile", settings.debugfile(), settings.entity(), pid, Level.ALL));
        }
        if (settings.syslogFacility() != null) {
            root.addAppender(syslog(context, settings, pid, syslogPort));
        }
        if (settings.alsoStderr()) {
            ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
            stderr.setTarget("System.err");
            root.addAppender(start(withLayout(stderr, context, "stderr", settings.entity(), pid)));
        }
        setDebugLevel(settings.debugLevel());
    }

    /** The current debug level; code may check it before building expensive debug output. */
    public static int debugLevel() {
        return debugLevel;
    }

    /** Changes the debug level at run time (Heartbeat does this on SIGUSR1 / SIGUSR2). */
    public static void setDebugLevel(int level) {
        if (level < 0 || level > 255) {
            throw new IllegalArgumentException("debug level must be 0..255 but is " + level);
        }
        debugLevel = level;
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(level > 0 ? Level.DEBUG : Level.INFO);
    }

    private static void registerLevelConverter(LoggerContext context) {
        Map<String, Supplier<DynamicConverter>> rules = new HashMap<>();
        rules.put("hblevel", HeartbeatLevelConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
    }

    private static Appender<ILoggingEvent> file(LoggerContext context, String name, Path path, String entity,
            long pid, Level threshold) {
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setFile(path.toString());
        appender.setAppend(true);
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(threshold.toString());
        filter.start();
        appender.addFilter(filter);
        return start(withLayout(appender, context, name, entity, pid));
    }

    private static Appender<ILoggingEvent> syslog(LoggerContext context, LogSettings settings, long pid, int port) {
        SyslogAppender appender = new SyslogAppender();
        appender.setContext(context);
        appender.setName("syslog");
        appender.setSyslogHost(SYSLOG_HOST);
        appender.setPort(port);
        appender.setFacility(settings.syslogFacility().toUpperCase(Locale.ROOT));
        appender.setSuffixPattern(settings.entity() + ": [" + pid + "]: %hblevel: %msg");
        appender.setThrowableExcluded(true);
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(Level.INFO.toString());
        filter.start();
        appender.addFilter(filter);
        return start(appender);
    }

    private static OutputStreamAppender<ILoggingEvent> withLayout(OutputStreamAppender<ILoggingEvent> appender,
            LoggerContext context, String name, String entity, long pid) {
        HeartbeatLayout layout = new HeartbeatLayout(entity, pid, ZoneId.systemDefault());
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        return appender;
    }

    private static <A extends Appender<ILoggingEvent>> A start(A appender) {
        appender.start();
        return appender;
    }
}
