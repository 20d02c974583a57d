package dev.refunds.application.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of slots that tasks run on, off the caller's thread: one slow task (an HTTP attempt, a processor
 * call) holds one slot, never the others. A task is handed over only once a slot is reserved for it, so nothing
 * waits in a queue while, say, its lease in the database runs out.
 */
public interface BoundedExecutor {
    /** Slots free now. */
    int free();

    /** False once the executor is shutting down: a task that could go on with more work should stop instead. */
    default boolean accepting() {
        return true;
    }

    /**
     * Waits at most {@code wait} for one free slot, then takes every other free one too, at most {@code wanted} in
     * all; returns how many are now reserved for the caller (0: none came free in time).
     */
    int reserve(int wanted, Duration wait);

    /** Gives back reserved slots that got no task. */
    void release(int slots);

    /**
     * Runs {@code task} on one reserved slot, which is free again when the task ends. False when the executor is
     * shutting down: the task did not run and its slot is given back.
     */
    boolean run(Runnable task);

    /**
     * Runs every task as slots come free and returns when all have ended or {@code wait} has passed (a stuck task is
     * not waited for longer); returns how many were started. Tasks not started in time, or refused because the
     * executor is shutting down, are not run.
     */
    default int runAll(List<? extends Runnable> tasks, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore ended = new Semaphore(0);
        int started = 0;
        for (Runnable task : tasks) {
            if (reserve(1, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) == 0) {
                break;
            }
            if (!run(() -> {
                try {
                    task.run();
                } finally {
                    ended.release();
                }
            })) {
                break;
            }
            started++;
        }
        try {
            ended.tryAcquire(started, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return started;
    }
}
