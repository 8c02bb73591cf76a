package org.jheartbeat.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.messaging.wire.HaMessage;
import org.junit.jupiter.api.Test;

class ReceiveWindowTest {

    private final ReceiveWindow window = new ReceiveWindow(8);

    private static HaMessage message(long seq) {
        return HaMessage.builder().string("t", "m").decimal("n", seq).build();
    }

    private static List<Long> numbers(List<HaMessage> messages) {
        List<Long> numbers = new ArrayList<>();
        messages.forEach(m -> numbers.add(m.getDecimal("n")));
        return numbers;
    }

    @Test
    void releasesInOrderOnceTheGapIsFilledAndDropsDuplicates() {
        assertThat(numbers(window.accept(1, message(1)).released())).containsExactly(1L);
        ReceiveWindow.Arrival early = window.accept(4, message(4));
        assertThat(early.released()).isEmpty();
        assertThat(early.newlyMissing()).containsExactly(2L, 3L);

        assertThat(window.accept(4, message(4)).duplicate()).isTrue();
        assertThat(numbers(window.accept(3, message(3)).released())).isEmpty();
        assertThat(numbers(window.accept(2, message(2)).released())).containsExactly(2L, 3L, 4L);
        assertThat(window.missing()).isEmpty();
        assertThat(window.accept(2, message(2)).duplicate()).isTrue();
    }

    @Test
    void aGivenUpMessageNoLongerHoldsBackTheOnesAfterIt() {
        window.accept(1, message(1));
        window.accept(3, message(3));

        assertThat(numbers(window.giveUp(2))).containsExactly(3L);
        assertThat(window.contiguous()).isEqualTo(3);
    }

    @Test
    void aJumpWiderThanTheWindowIsGivenUpInOneStepWithoutWalkingTheGap() {
        window.accept(1, message(1));
        window.accept(3, message(3));

        ReceiveWindow.Arrival far = window.accept(1_000_000_000L, message(1_000_000_000L));

        assertThat(numbers(far.released())).containsExactly(3L);
        assertThat(far.givenUp()).isEqualTo(1_000_000_000L - 1 - 4 - 1 - 1);
        assertThat(far.newlyMissing()).hasSize(4);
        assertThat(window.missing()).hasSize(4);
    }
}
