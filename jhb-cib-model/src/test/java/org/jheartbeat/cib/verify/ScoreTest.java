package org.jheartbeat.cib.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreTest {

    @ParameterizedTest
    @CsvSource({"100,100,false", "-50,-50,false", "+7,7,false", "INFINITY,1000000,false", "+INFINITY,1000000,false",
            "-INFINITY,-1000000,false", "1000000,1000000,false", "1000001,1000000,true",
            "-2000000,-1000000,true", "123456789012345678901234,1000000,true"})
    void readsScoresAndClampsBeyondInfinity(String text, long value, boolean clamped) {
        assertThat(Score.parse(text)).contains(new Score(value, clamped));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "10.5", "INFINITE", "inf", "1e6"})
    void refusesWhatIsNotAScore(String text) {
        assertThat(Score.parse(text)).isEmpty();
    }
}
