package dev.refunds.bootstrap.support.process;

import dev.refunds.bootstrap.support.Api;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a starting service to answer {@code GET /health} with 200. */
final class Health {
    private static final long POLL_MILLIS = 10;

    private Health() {
    }

    /** True once it answers 200; false if {@code alive} turns false (it exited) or the time runs out. */
    static boolean await(BooleanSupplier alive, Api api, Duration timeout) {
        Api patient = api.withTimeout(Duration.ofSeconds(5));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive.getAsBoolean()) {
                return false;
            }
            try {
                if (patient.tryGet("/health").status() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return false;
    }
}
