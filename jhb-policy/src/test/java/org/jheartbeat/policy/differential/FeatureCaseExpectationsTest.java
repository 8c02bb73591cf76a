package org.jheartbeat.policy.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.testkit.Prerequisites;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored expectations of the hand-written cases are what Pacemaker 2.1.5 says. With
 * {@code -Djhb.differential.record=true} it writes them to src/test/resources/differential
 * instead, under src/test/resources (for a new case: write its CIB, record, read what was
 * written before committing).
 */
@Tag("pacemaker")
class FeatureCaseExpectationsTest {

    static Stream<FeatureCase> cases() {
        return Stream.of(FeatureCase.FEATURES, FeatureCase.HEARTBEAT21).flatMap(d -> FeatureCase.all(d).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expectationIsPacemakers(FeatureCase featureCase) throws IOException, CibParseException {
        Prerequisites.require(PacemakerSimulator.installed(),
                PacemakerSimulator.CRM_SIMULATE + " (Debian package pacemaker-cli-utils)");
        SchedulerOutcome pacemaker = PacemakerSimulator.run(featureCase.cib(), FeatureCase.NOW);
        if (Boolean.getBoolean(FeatureCase.RECORD)) {
            Files.writeString(featureCase.expectedSource(), FeatureCase.expectationText(featureCase.name(), pacemaker));
            return;
        }
        SchedulerOutcome expected = featureCase.expectedOutcome();
        assertThat(pacemaker.placement().lines()).as("placement").isEqualTo(expected.placement().lines());
        assertThat(pacemaker.summary()).as("transition summary").isEqualTo(expected.summary());
    }
}
