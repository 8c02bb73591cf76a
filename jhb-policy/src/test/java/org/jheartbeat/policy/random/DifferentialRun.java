package org.jheartbeat.policy.random;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.policy.differential.Comparison;
import org.jheartbeat.policy.differential.PacemakerSimulator;

/**
 * Generates CIBs for a range of seeds, runs Pacemaker's crm_simulate and our scheduler on each
 * and compares them. CIBs that differ are kept in {@code keepDir} (as {@code LEVEL-SEED.xml}) so
 * that they can be rerun by hand.
 */
public final class DifferentialRun {

    public static final Instant NOW = Instant.ofEpochSecond(RandomCibGenerator.NOW_EPOCH_SECONDS);

    private final Path keepDir;

    public DifferentialRun(Path keepDir) {
        this.keepDir = keepDir;
    }

    /**
     * Compares the schedulers on one generated CIB; when Pacemaker crashed on it (its own bug),
     * there is nothing to compare with and the case says how it crashed.
     */
    public Case compare(GeneratedCib generated) {
        try {
            Files.createDirectories(keepDir);
            Path file = keepDir.resolve(generated.name() + ".xml");
            Files.writeString(file, generated.xml());
            Comparison comparison = Comparison.run(generated.name(), file, NOW);
            if (comparison.samePlacement() && comparison.sameSummary()) {
                Files.delete(file);
            }
            return new Case(generated, comparison, null);
        } catch (PacemakerSimulator.CrashException e) {
            return new Case(generated, null, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(generated.name(), e);
        } catch (CibParseException e) {
            throw new IllegalStateException(generated.name() + ": the generated CIB does not parse: " + e.getMessage(), e);
        }
    }

    /** Seeds {@code firstSeed} to {@code firstSeed + count - 1} of one level, on {@code threads} threads. */
    public Summary run(CibLevel level, long firstSeed, int count, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Case>> futures = new ArrayList<>();
            for (long seed = firstSeed; seed < firstSeed + count; seed++) {
                long s = seed;
                futures.add(pool.submit(() -> compare(RandomCibGenerator.generate(s, level))));
            }
            List<Case> cases = new ArrayList<>();
            for (Future<Case> future : futures) {
                cases.add(future.get());
            }
            return new Summary(level, cases.stream().filter(c -> c.comparison() != null).toList(),
                    cases.stream().filter(c -> c.comparison() == null).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One generated CIB and how the schedulers compare on it, or how Pacemaker crashed on it. */
    public record Case(GeneratedCib cib, Comparison comparison, String pacemakerCrash) {
    }

    /**
     * The figures of a run: identical-placement and identical-summary ratios, and differences by
     * kind, over the CIBs Pacemaker did not crash on ({@code crashes}, counted apart).
     */
    public record Summary(CibLevel level, List<Case> cases, List<Case> crashes) {

        public double placementRatio() {
            return (double) cases.stream().filter(c -> c.comparison().samePlacement()).count() / cases.size();
        }

        public double summaryRatio() {
            return (double) cases.stream().filter(c -> c.comparison().sameSummary()).count() / cases.size();
        }

        public List<Case> placementMismatches() {
            return cases.stream().filter(c -> !c.comparison().samePlacement()).toList();
        }

        /** Category → the cases that show it, the one with the shortest CIB first. */
        public Map<String, List<Case>> byCategory(boolean placement) {
            Map<String, List<Case>> categories = new TreeMap<>();
            for (Case c : cases) {
                for (String category : placement ? c.comparison().placementCategories() : c.comparison().summaryCategories()) {
                    categories.computeIfAbsent(category, k -> new ArrayList<>()).add(c);
                }
            }
            categories.values().forEach(list -> list.sort(Comparator.comparingInt(c -> c.cib().xml().length())));
            return categories;
        }

        /** Placement for each feature a CIB uses: feature → {cases, identical}. */
        public Map<String, int[]> byFeature() {
            Map<String, int[]> features = new TreeMap<>();
            for (Case c : cases) {
                for (String feature : c.cib().features()) {
                    int[] counts = features.computeIfAbsent(feature, k -> new int[2]);
                    counts[0]++;
                    counts[1] += c.comparison().samePlacement() ? 1 : 0;
                }
            }
            return features;
        }

        /**
         * One line a CIB: name, identical placement, identical summary, Pacemaker's transition
         * complete, kinds of difference, features the CIB uses.
         */
        public String table() {
            StringBuilder out = new StringBuilder(
                    "cib\tsame_placement\tsame_summary\tpacemaker_completed\tplacement_differences\tfeatures\n");
            for (Case c : cases) {
                Comparison comparison = c.comparison();
                out.append(c.cib().name()).append('\t').append(comparison.samePlacement()).append('\t')
                        .append(comparison.sameSummary()).append('\t').append(comparison.pacemaker().completed())
                        .append('\t').append(String.join("; ", comparison.placementCategories()))
                        .append('\t').append(String.join(",", new TreeSet<>(c.cib().features()))).append('\n');
            }
            return out.toString();
        }

        public String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("%s: %d CIBs, identical placement %.1f%%, identical transition summary %.1f%%%n",
                    level, cases.size(), 100 * placementRatio(), 100 * summaryRatio()));
            long incomplete = cases.stream().filter(c -> !c.comparison().pacemaker().completed()).count();
            out.append(String.format("  Pacemaker's simulated transition stopped before its end in %d CIBs%n", incomplete));
            out.append(String.format("  Pacemaker crashed on %d more CIBs, not counted%n", crashes.size()));
            crashes.forEach(c -> out.append("    ").append(c.cib().name()).append(": ").append(c.pacemakerCrash()).append('\n'));
            appendCategories(out, "placement differences", byCategory(true));
            appendCategories(out, "summary differences", byCategory(false));
            out.append("  identical placement by feature used:\n");
            byFeature().forEach((feature, counts) -> out.append(String.format("    %-26s %4d of %4d%n", feature, counts[1], counts[0])));
            return out.toString();
        }

        private static void appendCategories(StringBuilder out, String title, Map<String, List<Case>> categories) {
            out.append("  ").append(title).append(" (CIBs; smallest example):\n");
            categories.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, List<Case>> e) -> -e.getValue().size()))
                    .forEach(e -> out.append(String.format("    %4d  %-60s %s%n", e.getValue().size(), e.getKey(),
                            e.getValue().get(0).cib().name())));
        }
    }
}
