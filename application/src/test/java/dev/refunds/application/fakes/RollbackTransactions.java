package dev.refunds.application.fakes;

import dev.refunds.application.shared.Transactions;

import java.util.List;
import java.util.function.Supplier;

/**
 * Snapshots the fakes when an outermost transaction starts and restores them if the work throws, as a database
 * rollback would. {@link #loseNextCommits(int)} makes the next transactions lose a deadlock after their work ran:
 * the fakes are restored and the work runs again, as {@link Transactions} documents for the real one.
 */
public final class RollbackTransactions implements Transactions {
    private final List<Snapshottable> state;
    private int depth;
    private int started;
    private int rolledBack;
    private int commitsToLose;

    public RollbackTransactions(Snapshottable... state) {
        this.state = List.of(state);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return run(work);
        }
        started++;
        while (true) {
            List<Runnable> restore = state.stream().map(Snapshottable::snapshot).toList();
            T result;
            try {
                result = run(work);
            } catch (RuntimeException | Error failure) {
                restore.forEach(Runnable::run);
                rolledBack++;
                throw failure;
            }
            if (commitsToLose == 0) {
                return result;
            }
            commitsToLose--;
            restore.forEach(Runnable::run);
            rolledBack++;
        }
    }

    /** The next {@code count} commits fail as a lost deadlock would: rolled back, then the work is run again. */
    public void loseNextCommits(int count) {
        commitsToLose = count;
    }

    public boolean isActive() {
        return depth > 0;
    }

    /** How many outermost transactions were asked for (a retried one counts once). */
    public int started() {
        return started;
    }

    /** How many attempts were rolled back, by a failure or a lost commit. */
    public int rolledBack() {
        return rolledBack;
    }

    private <T> T run(Supplier<T> work) {
        depth++;
        try {
            return work.get();
        } finally {
            depth--;
        }
    }
}
