package org.jheartbeat.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetaValuesTest {

    @Test
    void plainDurationsTakeUnits() {
        assertThat(MetaValues.millis("10", -1)).isEqualTo(10_000);
        assertThat(MetaValues.millis("500ms", -1)).isEqualTo(500);
        assertThat(MetaValues.millis("2min", -1)).isEqualTo(120_000);
        assertThat(MetaValues.millis("1h", -1)).isEqualTo(3_600_000);
        assertThat(MetaValues.millis("0", -1)).isZero();
        assertThat(MetaValues.millis("999999999", -1)).isEqualTo(999_999_999_000L);
        assertThat(MetaValues.millis("1000000000", -1)).as("ten digits: the general reading").isEqualTo(1_000_000_000_000L);
        assertThat(MetaValues.millis("010s", -1)).isEqualTo(10_000);
        assertThat(MetaValues.millis("10S", -1)).isEqualTo(10_000);
        assertThat(MetaValues.millis(" 10s ", -1)).isEqualTo(10_000);
        assertThat(MetaValues.millis("10 s", -1)).isEqualTo(10_000);
        assertThat(MetaValues.millis("10sec", -1)).isEqualTo(10_000);
        assertThat(MetaValues.millis("1.5s", -1)).isEqualTo(1_500);
        assertThat(MetaValues.millis("20us", -1)).isZero();
        assertThat(MetaValues.millis("10x", -1)).isEqualTo(-1);
        assertThat(MetaValues.millis("s", -1)).isEqualTo(-1);
        assertThat(MetaValues.millis("10hs", -1)).isEqualTo(-1);
    }

    @Test
    void isoDurationsIncludingPacemakersLenientForm() {
        assertThat(MetaValues.millis("PT30S", -1)).isEqualTo(30_000);
        assertThat(MetaValues.millis("P30S", -1)).isEqualTo(30_000);
        assertThat(MetaValues.millis("PT1M", -1)).isEqualTo(60_000);
        assertThat(MetaValues.millis("P1DT2H", -1)).isEqualTo(26 * 3_600_000L);
        assertThat(MetaValues.millis("P1W", -1)).isEqualTo(7 * 86_400_000L);
    }

    @Test
    void malformedDurationsGiveTheFallback() {
        assertThat(MetaValues.millis("P", -1)).isEqualTo(-1);
        assertThat(MetaValues.millis("P3", -1)).isEqualTo(-1);
        assertThat(MetaValues.millis("PT3X", -1)).isEqualTo(-1);
        assertThat(MetaValues.millis("ten", -1)).isEqualTo(-1);
    }
}
