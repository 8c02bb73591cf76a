package org.jheartbeat.policy.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.jheartbeat.policy.differential.PacemakerSimulator;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our scheduler against Pacemaker 2.1.5's crm_simulate on fixed seeds of generated CIBs: how
 * often the final placement is the same. The target is 99% of random CIBs; while the
 * scheduler grows towards it, the test holds the ratio it has reached so that it can only go up
 * ({@link #REACHED}: raise it when the scheduler gets better). Every mismatching seed is printed
 * with its differences, and its CIB is kept in target/random-cib/ to rerun by hand.
 */
@Tag("pacemaker")
class RandomCibDifferentialTest {

    static final int SEEDS_PER_LEVEL = 150;
    /** The identical-placement ratio on seeds 1 to {@value #SEEDS_PER_LEVEL} that may not get worse. */
    static final Map<CibLevel, Double> REACHED = Map.of(CibLevel.SIMPLE, 0.82, CibLevel.FULL, 0.64);
    static final double TARGET = 0.99;

    @ParameterizedTest
    @EnumSource(CibLevel.class)
    void placementAgreesWithPacemaker(CibLevel level) {
        Prerequisites.require(PacemakerSimulator.installed(),
                PacemakerSimulator.CRM_SIMULATE + " (Debian package pacemaker-cli-utils)");
        DifferentialRun.Summary summary = new DifferentialRun(Path.of("target", "random-cib"))
                .run(level, 1, SEEDS_PER_LEVEL, 2);
        System.out.println(summary.report());
        summary.placementMismatches().forEach(c -> System.out.println(c.comparison().describe()));
        if (summary.placementRatio() < TARGET) {
            System.out.printf("%s: %.1f%% identical placement, the target is %.0f%%%n",
                    level, 100 * summary.placementRatio(), 100 * TARGET);
        }
        assertThat(summary.placementRatio()).as("identical placement on %s seeds 1 to %d", level, SEEDS_PER_LEVEL)
                .isGreaterThanOrEqualTo(REACHED.get(level));
    }
}
