package dev.refunds.application.webhook;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This instance's attempts still running, and a signal when one ends. While a backlog streams, the due deliveries
 * are mostly those of endpoints whose room is taken: the next one can start as soon as an attempt ends, not a poll
 * later.
 */
final class RunningAttempts {
    private final AtomicInteger running = new AtomicInteger();
    private final Semaphore ended = new Semaphore(0);

    /** Forgets earlier ends: only attempts that end from here on can make room the next read has not seen. */
    void newPass() {
        ended.drainPermits();
    }

    /** {@code attempt}, counted while it runs; call {@link #notStarted} if it is never run. */
    Runnable track(Runnable attempt) {
        running.incrementAndGet();
        return () -> {
            try {
                attempt.run();
            } finally {
                running.decrementAndGet();
                ended.release();
            }
        };
    }

    void notStarted() {
        running.decrementAndGet();
    }

    /** Waits at most {@code wait} for an attempt to end; false at once when none is running. */
    boolean awaitAnEnd(Duration wait) {
        if (running.get() == 0) {
            return false;
        }
        try {
            return ended.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
