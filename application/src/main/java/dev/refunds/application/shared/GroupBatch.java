package dev.refunds.application.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the requests of one {@link GroupCommit} batch share inside its one transaction, on the leader's thread while
 * the batch runs: state a use case keeps across them (the row they all lock, read once, in its latest state) and
 * the writes it holds back, to be made together, one statement per kind of row where the store can, just before
 * the commit. A write made at the end fails the whole batch as a write made at once would, and then each request
 * runs alone, without a batch.
 */
public final class GroupBatch {
    private static final ThreadLocal<GroupBatch> CURRENT = new ThreadLocal<>();

    private final Map<Object, Object> states = new HashMap<>();
    private final List<Runnable> atEnd = new ArrayList<>();

    private GroupBatch() {
    }

    /** The batch whose requests this thread runs now; empty for a request that runs alone. */
    public static Optional<GroupBatch> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * The state kept under {@code key} for this batch: made on first use, and handed to {@code writeAtEnd} once all
     * requests ran (states in the order they were first used).
     */
    @SuppressWarnings("unchecked")
    public <S> S state(Object key, Supplier<S> make, Consumer<S> writeAtEnd) {
        Object state = states.get(key);
        if (state == null) {
            S made = make.get();
            states.put(key, made);
            atEnd.add(() -> writeAtEnd.accept(made));
            return made;
        }
        return (S) state;
    }

    /** Runs {@code works} as one batch on this thread, then writes what they held back. */
    static void run(Runnable works) {
        GroupBatch batch = new GroupBatch();
        CURRENT.set(batch);
        try {
            works.run();
            batch.atEnd.forEach(Runnable::run);
        } finally {
            CURRENT.remove();
        }
    }
}
