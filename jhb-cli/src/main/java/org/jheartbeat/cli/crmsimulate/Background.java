package org.jheartbeat.cli.crmsimulate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jheartbeat.cli.ToolFailure;

/**
 * Work crm_simulate starts on a daemon thread of its own (a run that ends early does not wait
 * for it) and takes the result of later: what went wrong there is thrown where it is taken, as
 * if it had gone wrong there.
 */
final class Background<T> {

    /** The work; a refusal is a {@link ToolFailure}. */
    interface Work<T> {
        T run() throws ToolFailure;
    }

    private final String what;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Background(String what) {
        this.what = what;
    }

    /** Starts the work on a thread named {@code name}; {@code what} it does names it in an interruption. */
    static <T> Background<T> start(String name, String what, Work<T> work) {
        Background<T> background = new Background<>(what);
        Thread thread = new Thread(() -> {
            try {
                background.result.complete(work.run());
            } catch (ToolFailure | RuntimeException | Error e) {
                background.result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    /** The work's result, once it is done. */
    T await() throws ToolFailure {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ToolFailure failure) {
                throw failure;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }
}
