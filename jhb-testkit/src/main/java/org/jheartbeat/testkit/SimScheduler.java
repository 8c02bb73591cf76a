package org.jheartbeat.testkit;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;
import org.jheartbeat.common.loop.Cancellable;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.common.time.Clock;
import org.slf4j.MDC;

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

    /**
     * Stops a loop as a killed process stops: its queued and future tasks never run. The loop
     * must be one of this scheduler's.
     */
    public void stop(EventLoop loop) {
        ((SimLoop) loop).stopped = true;
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
            if (!next.cancelled && (next.loop == null || !next.loop.stopped)) {
                SimLoop previous = current;
                current = next.loop;
                // log lines of a simulated run name the loop (node/subsystem) and the virtual time
                MDC.put("loop", next.loop == null ? "sim" : next.loop.name);
                MDC.put("vt", Long.toString(clock.monotonicNanos() / 1_000_000L));
                try {
                    next.runnable.run();
                } finally {
                    current = previous;
                    MDC.remove("loop");
                    MDC.remove("vt");
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
        private boolean stopped;

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
