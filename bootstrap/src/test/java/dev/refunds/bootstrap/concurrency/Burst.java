package dev.refunds.bootstrap.concurrency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed pool of threads held at a start gate and released at once, so their requests really overlap. Bounded:
 * the whole burst must end within {@link #LIMIT}, or the test fails instead of hanging.
 */
final class Burst {
    static final Duration LIMIT = Duration.ofSeconds(40);
    private static final AtomicInteger BURSTS = new AtomicInteger();

    private Burst() {
    }

    /** Runs {@code task.accept(thread)} for thread 0 … threads−1, all released together; returns the elapsed ms. */
    static long run(int threads, IntConsumer task) {
        int burst = BURSTS.incrementAndGet();
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                runnable -> new Thread(runnable, "burst-" + burst + "-" + names.getAndIncrement()));
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>(threads);
        try {
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                running.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    task.accept(id);
                    return null;
                }));
            }
            if (!ready.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the " + threads + " threads of the burst did not all start");
            }
            long start = System.nanoTime();
            go.countDown();
            long deadline = start + LIMIT.toNanos();
            for (Future<?> future : running) {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } catch (TimeoutException e) {
            throw new AssertionError("the burst did not finish within " + LIMIT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a thread of the burst failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
