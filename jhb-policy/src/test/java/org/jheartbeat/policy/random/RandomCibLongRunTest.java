package org.jheartbeat.policy.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.policy.differential.PacemakerSimulator;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The long randomized comparison with Pacemaker, in its own Maven profile:
 * {@code mvn -o test -pl jhb-policy -Prandom-long -Djhb.random.count=5000 [-Djhb.random.first=1]
 * [-Djhb.random.threads=2] [-Djhb.random.level=FULL]}. It measures; the ratio it may not fall under is held by
 * {@link RandomCibDifferentialTest}. Writes each level's report (ratios, differences by kind with the smallest example seed,
 * agreement by feature) to target/random-cib/report-LEVEL.txt and one line a CIB to
 * results-LEVEL.tsv; the CIBs that differ stay beside them. Unless {@code -Djhb.random.shrink=false},
 * it also shrinks one example of each kind of difference ({@link MinimalExamples}).
 */
@Tag("random-long")
class RandomCibLongRunTest {

    @ParameterizedTest
    @EnumSource(CibLevel.class)
    void measuresAgreementWithPacemaker(CibLevel level) throws IOException, CibParseException {
        String only = System.getProperty("jhb.random.level", "");
        Assumptions.assumeTrue(only.isEmpty() || only.equalsIgnoreCase(level.name()), "only level " + only);
        Prerequisites.require(PacemakerSimulator.installed(),
                PacemakerSimulator.CRM_SIMULATE + " (Debian package pacemaker-cli-utils)");
        int count = Integer.getInteger("jhb.random.count", 5000);
        long first = Long.getLong("jhb.random.first", 1);
        Path dir = Path.of("target", "random-cib");
        int threads = Integer.getInteger("jhb.random.threads", 2);
        DifferentialRun.Summary summary = new DifferentialRun(dir).run(level, first, count, threads);
        String report = summary.report();
        if (Boolean.parseBoolean(System.getProperty("jhb.random.shrink", "true"))) {
            report += new MinimalExamples(dir.resolve("minimal")).shrinkAll(summary);
        }
        System.out.println(report);
        Files.writeString(dir.resolve("report-" + level.name().toLowerCase() + ".txt"), report);
        Files.writeString(dir.resolve("results-" + level.name().toLowerCase() + ".tsv"), summary.table());
        assertThat(summary.cases().size() + summary.crashes().size()).as("CIBs compared or crashing Pacemaker")
                .isEqualTo(count);
    }
}
