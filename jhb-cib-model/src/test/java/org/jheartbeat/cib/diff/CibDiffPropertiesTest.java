package org.jheartbeat.cib.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jheartbeat.cib.model.CibDocument;

class CibDiffPropertiesTest {

    @Property(tries = 500)
    void applyingTheDiffToTheOldVersionGivesTheNewOne(@ForAll Random random, @ForAll boolean related) throws Exception {
        XmlTree a = RandomCibs.cib(random);
        XmlTree b = related ? RandomCibs.mutate(a, random, 0) : RandomCibs.cib(random);

        CibDocument result = CibDiff.between(RandomCibs.document(a), RandomCibs.document(b)).apply(RandomCibs.document(a));

        assertThat(XmlTree.of(result.root())).isEqualTo(b);
    }

    @Property(tries = 300)
    void aPatchSurvivesItsTextForm(@ForAll Random random, @ForAll boolean related) throws Exception {
        XmlTree a = RandomCibs.cib(random);
        XmlTree b = related ? RandomCibs.mutate(a, random, 0) : RandomCibs.cib(random);
        CibPatch patch = CibDiff.between(RandomCibs.document(a), RandomCibs.document(b));

        assertThat(CibPatch.parse(patch.toXml())).isEqualTo(patch);
    }

    @Property(tries = 200)
    void aVersionDiffedWithItselfHasNoChanges(@ForAll Random random) {
        XmlTree a = RandomCibs.cib(random);

        assertThat(CibDiff.between(RandomCibs.document(a), RandomCibs.document(a)).isEmpty()).isTrue();
    }
}
