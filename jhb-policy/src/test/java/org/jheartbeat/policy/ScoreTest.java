package org.jheartbeat.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void minusInfinityWinsOverPlusInfinity() {
        assertThat(Score.add(Score.INFINITY, -Score.INFINITY)).isEqualTo(-Score.INFINITY);
        assertThat(Score.add(-Score.INFINITY, Score.INFINITY)).isEqualTo(-Score.INFINITY);
    }

    @Test
    void sumsSaturateAtInfinity() {
        assertThat(Score.add(600_000, 600_000)).isEqualTo(Score.INFINITY);
        assertThat(Score.add(-600_000, -600_000)).isEqualTo(-Score.INFINITY);
        assertThat(Score.add(Score.INFINITY, -5)).isEqualTo(Score.INFINITY);
    }

    @Test
    void parsesTheCibSpellings() {
        assertThat(Score.parse("INFINITY")).isEqualTo(Score.INFINITY);
        assertThat(Score.parse("+INFINITY")).isEqualTo(Score.INFINITY);
        assertThat(Score.parse("-infinity")).isEqualTo(-Score.INFINITY);
        assertThat(Score.parse("-100")).isEqualTo(-100);
        assertThat(Score.parse("+7")).isEqualTo(7);
        assertThat(Score.parse("5000000")).isEqualTo(Score.INFINITY);
        assertThat(Score.parse(null)).isZero();
        assertThat(Score.parse("garbage")).isZero();
    }

    @Property
    void additionIsCommutativeAndBounded(@ForAll @IntRange(min = -2_000_000, max = 2_000_000) int a,
                                         @ForAll @IntRange(min = -2_000_000, max = 2_000_000) int b) {
        int x = Score.clamp(a);
        int y = Score.clamp(b);
        assertThat(Score.add(x, y)).isEqualTo(Score.add(y, x)).isBetween(-Score.INFINITY, Score.INFINITY);
    }
}
