package org.jheartbeat.policy.random;

import java.util.List;
import java.util.Random;

/** The generator's dice: every random choice goes through one seeded {@link Random}. */
final class Draw {

    private final Random random;

    Draw(Random random) {
        this.random = random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
