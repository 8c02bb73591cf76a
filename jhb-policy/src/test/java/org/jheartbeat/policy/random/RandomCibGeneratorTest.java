package org.jheartbeat.policy.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.schema.CibSchema;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generator itself, without Pacemaker: repeatable, schema-valid, and using what it promises. */
class RandomCibGeneratorTest {

    @ParameterizedTest
    @EnumSource(CibLevel.class)
    void theSameSeedGivesTheSameCib(CibLevel level) {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(RandomCibGenerator.generate(seed, level)).isEqualTo(RandomCibGenerator.generate(seed, level));
        }
        assertThat(RandomCibGenerator.generate(1, level).xml()).isNotEqualTo(RandomCibGenerator.generate(2, level).xml());
    }

    @ParameterizedTest
    @EnumSource(CibLevel.class)
    void everyCibIsValidInTheCurrentForm(CibLevel level) throws Exception {
        for (long seed = 1; seed <= 100; seed++) {
            GeneratedCib cib = RandomCibGenerator.generate(seed, level);
            CibDocument document = CibXml.parse(cib.xml(), cib.name());
            assertThat(CibSchema.validate(document)).as(cib.name()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(CibLevel.class)
    void twoHundredSeedsUseEveryFeatureOfTheLevel(CibLevel level) {
        Set<String> seen = new TreeSet<>();
        for (long seed = 1; seed <= 200; seed++) {
            seen.addAll(RandomCibGenerator.generate(seed, level).features());
        }
        Set<String> simple = Set.of("node-standby", "node-maintenance", "node-unclean", "node-offline",
                "node-never-seen", "group", "group-partly-active", "location", "location-rule", "location-inf",
                "location-minus-inf", "colocation-inf", "colocation-minus-inf", "stickiness", "migration-threshold",
                "failure-monitor", "failure-start", "failure-recovered", "target-role-stopped", "unmanaged",
                "fencing", "opt-in", "constraint-on-member");
        assertThat(seen).containsAll(simple);
        if (level == CibLevel.FULL) {
            assertThat(seen).contains("clone", "cloned-group", "unique-clone", "clone-max", "promotable",
                    "promoted-now", "promoted-max", "location-role", "colocation-role", "order-mandatory",
                    "order-optional", "order-serialize", "order-role-action", "order-asymmetric", "failure-stop",
                    "multi-active", "no-quorum", "target-role-unpromoted");
        } else {
            assertThat(seen).doesNotContain("clone", "promotable", "order-mandatory");
        }
    }
}
