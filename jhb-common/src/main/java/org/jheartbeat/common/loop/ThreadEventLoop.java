package org.jheartbeat.common.loop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jheartbeat.common.time.Clock;

/**
 * An {@link EventLoop} on one platform thread: a FIFO of tasks plus a timer heap read from the
 * injected {@link Clock}. A task that throws is reported to the failure handler (the daemon's
 * supervisor shuts down cleanly); the loop never dies silently.
 */
public final class ThreadEventLoop implements EventLoop, AutoCloseable {

    private final String name;
    private final Clock clock;
    private final Consumer<Throwable> failureHandler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Thread thread;
    private long timerSequence;
    private boolean stopped;

    public ThreadEventLoop(String name, Clock clock, Consumer<Throwable> failureHandler) {
        this.name = name;
        this.clock = clock;
        this.failureHandler = failureHandler;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void execute(Runnable task) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            tasks.add(task);
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        lock.lock();
        try {
            Timer timer = new Timer(clock.monotonicNanos() + delay.toNanos(), timerSequence++, task);
            timers.add(timer);
            wakeUp.signal();
            return () -> execute(() -> timer.cancelled = true);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String name() {
        return name;
    }

    /** Stops taking work and waits up to the timeout for the running task to finish. */
    @Override
    public void close() throws InterruptedException {
        lock.lock();
        try {
            stopped = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
        if (!inLoop()) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void run() {
        Runnable next;
        while ((next = take()) != null) {
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                failureHandler.accept(e);
            }
        }
    }

    private Runnable take() {
        lock.lock();
        try {
            while (!stopped) {
                Timer due = timers.peek();
                long now = clock.monotonicNanos();
                if (due != null && due.deadlineNanos <= now) {
                    timers.poll();
                    return () -> {
                        if (!due.cancelled) {
                            due.task.run();
                        }
                    };
                }
                if (!tasks.isEmpty()) {
                    return tasks.poll();
                }
                long waitNanos = due == null ? TimeUnit.SECONDS.toNanos(1) : due.deadlineNanos - now;
                wakeUp.awaitNanos(waitNanos);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    private static final class Timer implements Comparable<Timer> {
        final long deadlineNanos;
        final long sequence;
        final Runnable task;
        boolean cancelled;

        Timer(long deadlineNanos, long sequence, Runnable task) {
            this.deadlineNanos = deadlineNanos;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(deadlineNanos, other.deadlineNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
