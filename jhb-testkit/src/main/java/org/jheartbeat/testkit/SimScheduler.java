package org.jheartbeat.testkit;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;
import org.jheartbeat.common.loop.Cancellable;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.common.time.Clock;

/**
 * Runs every simulated loop of every simulated node on the calling thread, in virtual time.
 * Tasks due at the same instant run in submission order; the seed drives the faults and
 * delays of {@link SimNetwork}, so a run is reproducible from its seed.
 */
public final class SimScheduler {

    private final FakeClock clock = new FakeClock();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Random random;
    private final long seed;
    private long sequence;
    private SimLoop current;

    public SimScheduler(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    public FakeClock clock() {
        return clock;
    }

    /** A new loop; its tasks interleave with every other loop of this scheduler. */
    public EventLoop newLoop(String name) {
        return new SimLoop(name);
    }

    /** Runs a task at a virtual time from now, outside any loop (for the network and tests). */
    public Cancellable at(Duration delay, Runnable task) {
        return enqueue(null, delay, task);
    }

    /** Runs every task due up to now + duration, then leaves the clock there. */
    public void runFor(Duration duration) {
        long end = clock.monotonicNanos() + duration.toNanos();
        Task next;
        while ((next = queue.peek()) != null && next.dueNanos <= end) {
            queue.poll();
            clock.advanceTo(next.dueNanos);
            if (!next.cancelled) {
                SimLoop previous = current;
                current = next.loop;
                try {
                    next.runnable.run();
                } finally {
                    current = previous;
                }
            }
        }
        clock.advanceTo(end);
    }

    private Cancellable enqueue(SimLoop loop, Duration delay, Runnable runnable) {
        Task task = new Task(clock.monotonicNanos() + Math.max(0, delay.toNanos()), sequence++, loop, runnable);
        queue.add(task);
        return () -> task.cancelled = true;
    }

    private final class SimLoop implements EventLoop {
        private final String name;

        SimLoop(String name) {
            this.name = name;
        }

        @Override
        public void execute(Runnable task) {
            enqueue(this, Duration.ZERO, task);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            return enqueue(this, delay, task);
        }

        @Override
        public boolean inLoop() {
            return current == this;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public String name() {
            return name;
        }
    }

    private static final class Task implements Comparable<Task> {
        final long dueNanos;
        final long sequence;
        final SimLoop loop;
        final Runnable runnable;
        boolean cancelled;

        Task(long dueNanos, long sequence, SimLoop loop, Runnable runnable) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.loop = loop;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
