package dev.refunds.application.fakes;

import dev.refunds.application.shared.BoundedExecutor;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * A {@link BoundedExecutor} whose tasks run on {@code runner}: the caller's thread by default, or a test's hand
 * (a runner that holds tasks keeps their slots taken until the test runs them).
 */
public final class InlineSlots implements BoundedExecutor {
    private final Semaphore freeSlots;
    private final Executor runner;

    public InlineSlots(int slots, Executor runner) {
        this.freeSlots = new Semaphore(slots);
        this.runner = runner;
    }

    public InlineSlots(int slots) {
        this(slots, Runnable::run);
    }

    @Override
    public int free() {
        return freeSlots.availablePermits();
    }

    @Override
    public int reserve(int wanted, Duration wait) {
        int reserved = 0;
        while (reserved < wanted && freeSlots.tryAcquire()) {
            reserved++;
        }
        return reserved;
    }

    @Override
    public void release(int slots) {
        freeSlots.release(slots);
    }

    @Override
    public boolean run(Runnable task) {
        runner.execute(() -> {
            try {
                task.run();
            } finally {
                freeSlots.release();
            }
        });
        return true;
    }
}
