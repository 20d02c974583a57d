package dev.refunds.application.fakes;

import dev.refunds.application.shared.Transactions;

import java.util.function.Supplier;

/** Runs the work directly, with no rollback; nested calls join the outer one. */
public final class DirectTransactions implements Transactions {
    private int depth;
    private int started;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth == 0) {
            started++;
        }
        depth++;
        try {
            return work.get();
        } finally {
            depth--;
        }
    }

    public boolean isActive() {
        return depth > 0;
    }

    /** How many outermost transactions ran. */
    public int started() {
        return started;
    }
}
