package dev.refunds.bootstrap;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of daemon threads a background worker runs its items on (webhook attempts, settlement calls): one
 * slow item holds one thread, never the others. Not an {@code ExecutorService} bean, so nothing that injects
 * Micronaut's executors can pick it up by mistake.
 */
final class WorkerPool implements AutoCloseable {
    /** Items still running at shutdown get this long to finish before they are interrupted. */
    private static final long DRAIN_MS = 2_000;

    private final int size;
    private final ExecutorService executor;

    /** {@code setting} names the configuration key of {@code size}, for the error message. */
    WorkerPool(String threadName, String setting, int size, int sizeMax) {
        if (size < 1 || size > sizeMax) {
            throw new IllegalArgumentException(setting + " must be 1-" + sizeMax);
        }
        this.size = size;
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

    void execute(Runnable task) {
        executor.execute(task);
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
