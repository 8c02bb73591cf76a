package org.jheartbeat.policy.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hand-written CIB ({@code DIRECTORY/NAME.xml} among the test resources) with what Pacemaker
 * 2.1.5's crm_simulate makes of it ({@code NAME.expected}): the final placement and the
 * Transition Summary, in {@link Placement} and {@link SchedulerOutcome} form.
 * {@link FeatureCaseExpectationsTest} checks every expectation against crm_simulate, and writes
 * them when {@value #RECORD} is true. {@value #FEATURES} holds one CIB for each scheduler
 * feature; {@value #HEARTBEAT21} holds configurations that also come in the Heartbeat 2.1 form
 * ({@code NAME.hb21.xml}, which Pacemaker no longer reads).
 */
public record FeatureCase(String directory, String name, Path cib, Path expected) {

    /** The time the cases are scheduled at; their history is older. */
    public static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    public static final String RECORD = "jhb.differential.record";
    public static final String FEATURES = "differential";
    public static final String HEARTBEAT21 = "heartbeat21";
    public static final String HEARTBEAT21_SUFFIX = ".hb21.xml";
    /** Where {@value #RECORD} writes the expectations: the module's source tree, not the copy under target/. */
    static final Path SOURCE_DIRECTORY = Path.of("src", "test", "resources");
    private static final String HEADER = "# Pacemaker 2.1.5: crm_simulate -S -x %s.xml -t %s%n";

    public static FeatureCase named(String directory, String name) {
        Path cib = resource(directory, name + ".xml");
        return new FeatureCase(directory, name, cib, cib.resolveSibling(name + ".expected"));
    }

    /** Every case of a directory among the test resources, by name (Heartbeat 2.1 forms are not cases of their own). */
    public static List<FeatureCase> all(String directory) {
        try (Stream<Path> files = Files.list(resource(directory, "."))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".xml") && !f.endsWith(HEARTBEAT21_SUFFIX)).sorted()
                    .map(f -> named(directory, f.substring(0, f.length() - ".xml".length()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same configuration in the Heartbeat 2.1 form. */
    public Path heartbeat21Form() {
        return cib.resolveSibling(name + HEARTBEAT21_SUFFIX);
    }

    private static Path resource(String directory, String file) {
        URL url = FeatureCase.class.getClassLoader().getResource(directory + "/" + file);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + directory + "/" + file);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url + " is not a file", e);
        }
    }

    /** The stored expectation: "placement:" lines then "summary:" lines. */
    public SchedulerOutcome expectedOutcome() throws IOException {
        if (!Files.exists(expected)) {
            throw new IllegalStateException(expected + " is missing: run FeatureCaseExpectationsTest with -D" + RECORD
                    + "=true where crm_simulate is installed, and check what it wrote");
        }
        List<String> placement = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        List<String> section = null;
        for (String line : Files.readAllLines(expected)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.equals("placement:")) {
                section = placement;
            } else if (line.equals("summary:")) {
                section = summary;
            } else if (section == null) {
                throw new IllegalStateException(expected + ": \"" + line + "\" comes before \"placement:\"");
            } else {
                section.add(line.strip());
            }
        }
        return new SchedulerOutcome(Placement.fromLines(placement), SchedulerOutcome.normalizedSummary(summary), true);
    }

    /** Where {@value #RECORD} writes this case's expectation. */
    Path expectedSource() {
        return SOURCE_DIRECTORY.resolve(directory).resolve(name + ".expected");
    }

    @Override
    public String toString() {
        return directory + "/" + name;
    }

    /** The expectation text for an outcome, as {@link #expectedOutcome()} reads it. */
    static String expectationText(String name, SchedulerOutcome outcome) {
        StringBuilder out = new StringBuilder(String.format(HEADER, name, NOW));
        out.append("placement:\n");
        outcome.placement().lines().forEach(l -> out.append("  ").append(l).append('\n'));
        out.append("summary:\n");
        outcome.summary().forEach(l -> out.append("  ").append(l).append('\n'));
        return out.toString();
    }
}
