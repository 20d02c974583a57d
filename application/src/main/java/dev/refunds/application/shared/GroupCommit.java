package dev.refunds.application.shared;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Group commit: requests of one instance that queue on the same group (the row they all lock, a hot payment) run
 * together in one transaction and one commit instead of one each. The first to arrive leads: it drains up to
 * {@code batchMax} requests queued behind it, runs each one's work in arrival order inside one transaction (each
 * sees what the earlier ones wrote, as it would have after their commits), commits once, then hands each its own
 * result and the lead to the next one waiting. Each work must behave exactly as it would in a transaction of its
 * own; a work that throws fails the whole batch, and then every request of the batch runs alone, as without
 * batching, on its own thread, so no answer depends on a neighbour's failure. Only work that may safely run again
 * after a failed (even an unclear) commit belongs here: an idempotency key makes the second run a replay. While a
 * batch runs, {@link GroupBatch#current()} lets its works share the rows they lock and write theirs together.
 */
public final class GroupCommit {
    private final Transactions transactions;
    private final int batchMax;
    private final Map<Object, ArrayDeque<Waiting<?>>> queues = new HashMap<>();   // guarded by itself

    public GroupCommit(Transactions transactions, int batchMax) {
        if (batchMax < 1) {
            throw new IllegalArgumentException("a batch holds at least one request, got " + batchMax);
        }
        this.transactions = transactions;
        this.batchMax = batchMax;
    }

    /**
     * Runs {@code together} inside a transaction shared with other requests of {@code group}, or, when that shared
     * transaction fails, {@code alone} in a transaction of its own; returns what ran.
     */
    public <T> T run(Object group, Supplier<T> together, Supplier<T> alone) {
        if (batchMax == 1) {
            return alone.get();
        }
        Waiting<T> me = new Waiting<>(together);
        boolean leads;
        synchronized (queues) {
            ArrayDeque<Waiting<?>> queue = queues.get(group);
            leads = queue == null;
            if (leads) {
                queues.put(group, new ArrayDeque<>());
            } else {
                queue.add(me);
            }
        }
        Turn turn = leads ? Turn.LEAD : me.turn.join();
        if (turn == Turn.LEAD) {
            turn = lead(group, me);
        }
        return turn == Turn.DONE ? me.result : alone.get();
    }

    /** Runs one batch, with {@code first} first; returns how it went for all of them. */
    private Turn lead(Object group, Waiting<?> first) {
        List<Waiting<?>> batch = new ArrayList<>();
        batch.add(first);
        synchronized (queues) {
            ArrayDeque<Waiting<?>> queue = queues.get(group);
            while (batch.size() < batchMax && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
        }
        Turn outcome = Turn.ALONE;
        try {
            transactions.inTransaction(() -> {
                GroupBatch.run(() -> batch.forEach(Waiting::work));   // a retried transaction runs every work again
                return null;
            });
            outcome = Turn.DONE;
        } catch (RuntimeException failed) {
            // each request runs alone now and meets its own failure, if it has one
        } finally {
            handOver(group);
            for (Waiting<?> waiting : batch.subList(1, batch.size())) {
                waiting.turn.complete(outcome);
            }
        }
        return outcome;
    }

    /** The next request waiting leads the next batch; with none, the group is idle again. */
    private void handOver(Object group) {
        Waiting<?> next;
        synchronized (queues) {
            ArrayDeque<Waiting<?>> queue = queues.get(group);
            next = queue.poll();
            if (next == null) {
                queues.remove(group);
                return;
            }
        }
        next.turn.complete(Turn.LEAD);
    }

    private enum Turn { LEAD, DONE, ALONE }

    private static final class Waiting<T> {
        private final Supplier<T> work;
        private final CompletableFuture<Turn> turn = new CompletableFuture<>();
        private T result;   // written by the leader before turn completes, read after

        Waiting(Supplier<T> work) {
            this.work = work;
        }

        void work() {
            result = work.get();
        }
    }
}
