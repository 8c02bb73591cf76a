package org.jheartbeat.policy.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.upgrade.CibUpgrade;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pacemaker 2.1.5 no longer reads the Heartbeat 2.1 form of the CIB; our scheduler does (through
 * the CIB upgrade). The same configurations, written by hand in both forms
 * (src/test/resources/heartbeat21: NAME.hb21.xml and NAME.xml, with the same status section),
 * must be scheduled the same way, and that way is the one Pacemaker takes on the current form
 * (NAME.expected, checked against crm_simulate by {@link FeatureCaseExpectationsTest}).
 */
class Heartbeat21FormTest {

    static List<FeatureCase> cases() {
        return FeatureCase.all(FeatureCase.HEARTBEAT21);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOldFormIsScheduledLikeTheCurrentForm(FeatureCase pair) throws IOException, CibParseException {
        assertThat(CibUpgrade.isLegacy(CibXml.parse(pair.heartbeat21Form()))).as("%s is in the Heartbeat 2.1 form",
                pair.heartbeat21Form().getFileName()).isTrue();
        assertThat(CibUpgrade.isLegacy(CibXml.parse(pair.cib()))).as("%s is in the current form",
                pair.cib().getFileName()).isFalse();
        SchedulerOutcome old = OurScheduler.run(pair.heartbeat21Form(), FeatureCase.NOW);
        SchedulerOutcome current = OurScheduler.run(pair.cib(), FeatureCase.NOW);
        assertThat(old.placement().lines()).as("placement").isEqualTo(current.placement().lines());
        assertThat(old.summary()).as("transition summary").isEqualTo(current.summary());
    }

    @Test
    void groupStickinessLocation() throws Exception {
        assertOldFormGetsPacemakersOutcome("group-stickiness-location");
    }

    @Test
    void colocationOrderFromTo() throws Exception {
        assertOldFormGetsPacemakersOutcome("colocation-order-from-to");
    }

    @Test
    void cloneMasterSlave() throws Exception {
        assertOldFormGetsPacemakersOutcome("clone-master-slave");
    }

    @Test
    void optInUnmanaged() throws Exception {
        assertOldFormGetsPacemakersOutcome("opt-in-unmanaged");
    }

    @Test
    void everyPairHasItsTest() {
        Set<String> methods = Arrays.stream(getClass().getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
        for (FeatureCase pair : cases()) {
            assertThat(methods).as("a test method for heartbeat21/%s.xml", pair.name())
                    .contains(FeatureCasesTest.methodName(pair.name()));
        }
    }

    private static void assertOldFormGetsPacemakersOutcome(String name) throws IOException, CibParseException {
        FeatureCase pair = FeatureCase.named(FeatureCase.HEARTBEAT21, name);
        SchedulerOutcome old = OurScheduler.run(pair.heartbeat21Form(), FeatureCase.NOW);
        Comparison comparison = new Comparison(pair.name(), pair.expectedOutcome(), old, null);
        assertThat(comparison.samePlacement() && comparison.sameSummary()).as(comparison.describe()).isTrue();
    }
}
