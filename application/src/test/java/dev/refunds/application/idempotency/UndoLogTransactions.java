package dev.refunds.application.idempotency;

import dev.refunds.application.fakes.Snapshottable;
import dev.refunds.application.shared.Transactions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Transactions for tests in which two requests overlap, each on its own thread: every thread has its own
 * transaction, and a rollback undoes only that transaction's writes (an undo log per transaction), so a request
 * that commits while another one is still open keeps its writes when the other one rolls back. Anything thrown
 * out of the outermost work ({@link RuntimeException} or {@link Error}, the latter standing for a crash) rolls
 * it back. Nested calls join the outer transaction, as {@link Transactions} documents.
 *
 * <p>{@link #enlist} brings the colleague's {@link Snapshottable} fakes in: they are restored, on rollback, to what
 * they held at the moment of enlisting, which is exact as long as no other transaction commits between that
 * moment and the end of this one (the tests enlist right before the writes and finish without interruption).
 */
final class UndoLogTransactions implements Transactions {
    private final ThreadLocal<Deque<Runnable>> undo = new ThreadLocal<>();
    private final ThreadLocal<Deque<Runnable>> committed = new ThreadLocal<>();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger rollbacks = new AtomicInteger();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (undo.get() != null) {
            return work.get();
        }
        Deque<Runnable> log = new ArrayDeque<>();
        Deque<Runnable> afterCommit = new ArrayDeque<>();
        undo.set(log);
        committed.set(afterCommit);
        try {
            T result = work.get();
            commits.incrementAndGet();
            afterCommit.forEach(Runnable::run);
            return result;
        } catch (RuntimeException | Error failure) {
            while (!log.isEmpty()) {
                log.pop().run();
            }
            rollbacks.incrementAndGet();
            throw failure;
        } finally {
            undo.remove();
            committed.remove();
        }
    }

    /** Registers how to undo a write just made; fails when the write was made outside a transaction. */
    void onRollback(String what, Runnable undoIt) {
        Deque<Runnable> log = undo.get();
        if (log == null) {
            throw new IllegalStateException(what + " outside a transaction");
        }
        log.push(undoIt);
    }

    /** Runs {@code then} once this thread's transaction has committed (not if it rolls back). */
    void afterCommit(Runnable then) {
        requireActive("a commit hook");
        committed.get().add(then);
    }

    /** Fails when the caller is outside a transaction (for reads that must lock). */
    void requireActive(String what) {
        if (undo.get() == null) {
            throw new IllegalStateException(what + " outside a transaction");
        }
    }

    boolean isActive() {
        return undo.get() != null;
    }

    /** The fakes are restored to their present contents if this thread's transaction rolls back. */
    void enlist(Snapshottable... fakes) {
        for (Snapshottable fake : fakes) {
            onRollback("enlisting a fake", fake.snapshot());
        }
    }

    int commits() {
        return commits.get();
    }

    int rollbacks() {
        return rollbacks.get();
    }
}
