package org.jheartbeat.cli.crmsimulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.CibSources;
import org.jheartbeat.cli.ToolFailure;
import org.jheartbeat.cli.clusterstatus.TextList;
import org.jheartbeat.policy.Scheduler;

/**
 * {@code --profile DIR [--repeat N]}: how long the scheduler takes on each CIB file of a
 * directory (files ending in .xml, by name), N runs each, timed together: "Testing FILE ...
 * 0.03 secs" under "Timings". Each file runs at --set-datetime, else at its execution-date
 * when it has one.
 */
final class Profile {

    private final Path directory;
    private final int repeat;
    private final ClusterTime time;

    Profile(Path directory, int repeat, ClusterTime time) {
        this.directory = directory;
        this.repeat = repeat;
        this.time = time;
    }

    String run() throws ToolFailure {
        TextList out = new TextList(false);
        out.begin("Timings");
        for (Path file : files()) {
            CibDocument cib = parse(file);
            Instant now = time.now(cib);
            long start = System.nanoTime();
            for (int i = 0; i < repeat; i++) {
                Scheduler.schedule(cib, now);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.item(String.format(Locale.ROOT, "Testing %s ... %.2f secs", file, seconds));
        }
        out.end();
        return out.text();
    }

    private List<Path> files() throws ToolFailure {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ToolFailure(CibSources.NO_INPUT, "--profile " + directory + ": cannot list the directory ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Give a directory of CIB files");
        }
    }

    private static CibDocument parse(Path file) throws ToolFailure {
        try {
            return CibXml.parseWithCompactHistory(CibSources.readFile(file), file.toString());
        } catch (CibParseException e) {
            throw new ToolFailure(ExitCodes.DATA_ERROR, e.getMessage());
        }
    }
}
