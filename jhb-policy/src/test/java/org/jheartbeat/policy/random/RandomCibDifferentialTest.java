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
 * scheduler grows towards it, the test holds the number of identical CIBs it has reached
 * ({@link #REACHED}) so that it can only go up: raise it when the scheduler gets better. Every
 * mismatching seed is printed with its differences, and its CIB is kept in target/random-cib/
 * to rerun by hand.
 */
@Tag("pacemaker")
class RandomCibDifferentialTest {

    static final int SEEDS_PER_LEVEL = 200;
    /** CIBs of seeds 1 to {@value #SEEDS_PER_LEVEL} on which both schedulers place everything alike. */
    static final Map<CibLevel, Integer> REACHED = Map.of(CibLevel.SIMPLE, 200, CibLevel.FULL, 200);
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
        int identical = SEEDS_PER_LEVEL - summary.placementMismatches().size();
        System.out.printf("%s: %d of %d CIBs (%.1f%%) placed alike; the target is %.0f%%, the test holds %d%n",
                level, identical, SEEDS_PER_LEVEL, 100 * summary.placementRatio(), 100 * TARGET, REACHED.get(level));
        assertThat(identical).as("CIBs placed alike among %s seeds 1 to %d", level, SEEDS_PER_LEVEL)
                .isGreaterThanOrEqualTo(REACHED.get(level));
    }
}
