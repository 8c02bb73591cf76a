package org.jheartbeat.common.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jheartbeat.common.time.SystemClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real loop thread: order of tasks and timers, cancellation, failures reported not fatal. */
class ThreadEventLoopTest {

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final ThreadEventLoop loop = new ThreadEventLoop("test-loop", SystemClock.INSTANCE, failures::add);

    @AfterEach
    void close() throws InterruptedException {
        loop.close();
    }

    private void drain() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> done.complete(null));
        done.get(5, TimeUnit.SECONDS);
    }

    @Test
    void tasksRunOneAtATimeInSubmissionOrderOnTheLoopThread() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            loop.execute(() -> seen.add(n + (loop.inLoop() ? "" : "!")));
        }
        drain();

        assertThat(seen).hasSize(100).doesNotContain("0!").startsWith("0", "1", "2").endsWith("99");
        assertThat(loop.inLoop()).isFalse();
        assertThatThrownBy(loop::assertInLoop).hasMessageContaining("test-loop");
    }

    @Test
    void timersFireInDeadlineOrderAndACancelledOneNeverFires() throws Exception {
        List<String> fired = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> last = new CompletableFuture<>();
        loop.schedule(Duration.ofMillis(60), () -> fired.add("late"));
        loop.schedule(Duration.ofMillis(20), () -> fired.add("early"));
        Cancellable cancelled = loop.schedule(Duration.ofMillis(40), () -> fired.add("cancelled"));
        loop.schedule(Duration.ofMillis(80), () -> last.complete(null));
        cancelled.cancel();

        last.get(5, TimeUnit.SECONDS);
        assertThat(fired).containsExactly("early", "late");
    }

    @Test
    void aThrowingTaskIsReportedAndTheLoopGoesOn() throws Exception {
        loop.execute(() -> {
            throw new IllegalStateException("boom");
        });
        List<String> after = new CopyOnWriteArrayList<>();
        loop.execute(() -> after.add("ran"));
        drain();

        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage("boom"));
        assertThat(after).containsExactly("ran");
    }
}
