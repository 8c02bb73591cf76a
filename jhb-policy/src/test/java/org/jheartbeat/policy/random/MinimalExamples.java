package org.jheartbeat.policy.random;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.policy.differential.CibShrinker;
import org.jheartbeat.policy.differential.Comparison;
import org.jheartbeat.policy.differential.PlacementDifference;

/**
 * For each kind of placement difference of a run, shrinks its smallest CIB (see
 * {@link CibShrinker}) and keeps it as {@code minimal/LEVEL-KIND.xml}: the short examples a
 * scheduler developer starts from.
 */
final class MinimalExamples {

    private final Path dir;

    MinimalExamples(Path dir) {
        this.dir = dir;
    }

    /** The report section: for each kind, the seed it came from, the file, and what still differs there. */
    String shrinkAll(DifferentialRun.Summary summary) throws IOException, CibParseException {
        Files.createDirectories(dir);
        StringBuilder out = new StringBuilder("  minimal examples (in " + dir + "):\n");
        CibShrinker shrinker = new CibShrinker(DifferentialRun.NOW, dir.resolve("work.xml"));
        for (Map.Entry<String, List<DifferentialRun.Case>> kind : summary.byCategory(true).entrySet()) {
            String category = kind.getKey();
            if (category.contains("incomplete")) {
                continue;
            }
            DifferentialRun.Case first = kind.getValue().get(0);
            GeneratedCib example = first.cib();
            // the same resource must keep differing the same way, or the example drifts to another case
            PlacementDifference difference = first.comparison().placementDifferences().stream()
                    .filter(d -> category.startsWith(d.category())).findFirst().orElse(null);
            Predicate<Comparison> same = difference == null
                    ? c -> c.placementCategories().contains(category)
                    : c -> c.placementDifferences().stream().anyMatch(
                            d -> d.key().equals(difference.key()) && d.category().equals(difference.category()));
            String minimal = shrinker.shrink(example.xml(), same);
            Path file = dir.resolve(example.level().name().toLowerCase() + "-" + slug(category) + ".xml");
            Files.writeString(file, minimal);
            Comparison comparison = Comparison.run(example.name(), file, DifferentialRun.NOW);
            out.append("    ").append(category).append(" (from ").append(example.name()).append("): ")
                    .append(file.getFileName()).append('\n')
                    .append(comparison.describe().replaceAll("(?m)^", "      ")).append('\n');
        }
        Files.deleteIfExists(dir.resolve("work.xml"));
        return out.toString();
    }

    private static String slug(String category) {
        return category.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
