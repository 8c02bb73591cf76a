package org.jheartbeat.policy.random;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's dice: every random choice goes through one generator seeded with the case's
 * seed. {@link SplittableRandom} rather than {@link java.util.Random}, whose first values for
 * neighbouring seeds (1, 2, 3...) are nearly the same.
 */
final class Draw {

    private final SplittableRandom random;

    Draw(long seed) {
        this.random = new SplittableRandom(seed);
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

    /** Puts the list in a random order, in place. */
    <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
