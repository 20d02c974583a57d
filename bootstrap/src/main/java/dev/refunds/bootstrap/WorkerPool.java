package dev.refunds.bootstrap;

import dev.refunds.application.shared.BoundedExecutor;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link BoundedExecutor}: a fixed pool of daemon threads a background worker runs its items on (webhook
 * attempts, settlement calls), one permit per thread. Not an {@code ExecutorService} bean, so nothing that injects
 * Micronaut's executors can pick it up by mistake.
 */
public final class WorkerPool implements BoundedExecutor, AutoCloseable {
    /** Items still running at shutdown get this long to finish before they are interrupted. */
    private static final long DRAIN_MS = 2_000;

    private final int size;
    private final ExecutorService executor;
    private final Semaphore freeSlots;

    /** {@code setting} names the configuration key of {@code size}, for the error message. */
    public WorkerPool(String threadName, String setting, int size, int sizeMax) {
        if (size < 1 || size > sizeMax) {
            throw new IllegalArgumentException(setting + " must be 1-" + sizeMax);
        }
        this.size = size;
        this.freeSlots = new Semaphore(size);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(size, threads);
    }

    int size() {
        return size;
    }

    @Override
    public int free() {
        return freeSlots.availablePermits();
    }

    @Override
    public int reserve(int wanted, Duration wait) {
        try {
            if (wanted < 1 || !freeSlots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int reserved = 1;
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
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    freeSlots.release();
                }
            });
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            freeSlots.release();
            return false;
        }
    }

    @Override
    public boolean accepting() {
        return !executor.isShutdown();
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_MS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();   // their leases run out; another instance takes them up again
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
