package org.jheartbeat.cib.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"0,0", "30,30000", "10s,10000", "10sec,10000", "500ms,500", "1m,60000", "2min,120000", "2h,7200000",
            "1hr,3600000", "20S,20000", "PT1M,60000", "PT1H30M,5400000", "P1D,86400000", "P1DT1S,86401000", "PT0S,0"})
    void readsPacemakersForms(String text, long millis) {
        assertThat(Durations.parseMillis(text)).hasValue(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "10x", "-5s", "1.5s", "P", "PT", "PT1X", "s", "99999999999999999999"})
    void refusesTheRest(String text) {
        assertThat(Durations.parseMillis(text)).isEmpty();
    }
}
