package dev.refunds.application.settlement;

import dev.refunds.application.shared.BoundedExecutor;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.Refund;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a settlement pass handles its batch: the processor calls run at once on the workers; the claims, and then
 * the writes, in one transaction per worker (a commit per worker, not per refund; the workers' statements still
 * run side by side). Writes lock payments in one order on every instance, so two batches wait for each other
 * instead of deadlocking; a part whose transaction fails is written again one refund per transaction, so one
 * refund that cannot be written never holds back the others.
 */
final class SettlementBatch {
    private static final System.Logger LOG = System.getLogger(SettlementBatch.class.getName());
    static final Comparator<Refund> PAYMENT_ORDER = Comparator.<Refund, String>comparing(r -> r.businessId().value())
            .thenComparing(r -> r.paymentId().value()).thenComparing(r -> r.id().value());

    private final Transactions transactions;
    private final BoundedExecutor workers;
    private final Duration wait;
    /** The workers' slots, counted while none is busy: free() just after a pass may still miss a slot or two. */
    private final int slots;

    SettlementBatch(Transactions transactions, BoundedExecutor workers, Duration wait) {
        this.transactions = transactions;
        this.workers = workers;
        this.wait = wait;
        this.slots = Math.max(1, workers.free());
    }

    /**
     * Runs {@code call} for every item on the workers and waits until all are done, at most {@code wait} (after
     * that a stuck claim has run out anyway); returns the answers that came back by then, in no particular order.
     * Items not started in time, or refused because the workers are shutting down, are left for a later pass.
     */
    <T, R> List<R> callAll(List<T> items, Function<T, Optional<R>> call) {
        if (items.isEmpty()) {
            return List.of();
        }
        Queue<R> answers = new ConcurrentLinkedQueue<>();
        workers.runAll(items.stream().<Runnable>map(item -> () -> call.apply(item).ifPresent(answers::add)).toList(),
                wait);
        return new ArrayList<>(answers);
    }

    /**
     * Claims the due items on the workers, a part of them per worker (no payment in two parts, so the parts never
     * wait for each other's locks), so that workers shutting down claim nothing: what they would not send or ask
     * about stays due for a later pass, not claimed until a lease runs out. Returns the claimed ones in due order.
     */
    <T> List<T> claimOnWorkers(List<T> due, Function<T, Refund> refundOf, Function<List<T>, List<T>> claim) {
        Set<T> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        callAll(parts(due, refundOf), part -> {
            try {
                return Optional.of(claim.apply(part));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "claiming " + part.size() + " refunds failed; will retry", e);
                return Optional.<List<T>>empty();
            }
        }).forEach(claimed::addAll);
        return due.stream().filter(claimed::contains).toList();
    }

    /**
     * Writes the items, a part per worker, each part in one transaction in payment order; returns how many were
     * written.
     */
    <T> int writeAll(List<T> items, Function<T, Refund> refundOf, String what, Consumer<T> write) {
        return callAll(parts(items, refundOf), part -> Optional.of(writePart(part, refundOf, what, write)))
                .stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Runs {@code call} on the items a part per worker, each part in the items' order, and waits as
     * {@link #callAll} does: a processor that takes a batch in one call gets one call per worker, not per refund,
     * and one that takes them one by one still has every worker calling at once.
     */
    <T, R> List<R> callInParts(List<T> items, Function<List<T>, List<R>> call) {
        int count = Math.max(1, Math.min(slots, items.size()));
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            parts.get(i % count).add(items.get(i));
        }
        return callAll(parts, part -> Optional.of(call.apply(part))).stream().flatMap(List::stream).toList();
    }

    /** The items in at most as many parts as there are free workers, each payment's items in one part. */
    private <T> List<List<T>> parts(List<T> items, Function<T, Refund> refundOf) {
        Map<String, List<T>> byPayment = new LinkedHashMap<>();
        items.forEach(item -> byPayment.computeIfAbsent(refundOf.apply(item).paymentId().value(),
                payment -> new ArrayList<>()).add(item));
        int count = Math.max(1, Math.min(workers.free(), byPayment.size()));
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        int next = 0;
        for (List<T> group : byPayment.values()) {
            parts.get(next++ % count).addAll(group);
        }
        return parts.stream().filter(part -> !part.isEmpty()).toList();
    }

    /** Writes every item in one transaction, in payment order; returns how many were written. */
    private <T> int writePart(List<T> items, Function<T, Refund> refundOf, String what, Consumer<T> write) {
        if (items.isEmpty()) {
            return 0;
        }
        List<T> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing(refundOf, PAYMENT_ORDER));
        try {
            transactions.inTransaction(() -> {
                ordered.forEach(write);
                return null;
            });
            return ordered.size();
        } catch (RuntimeException batchFailed) {
            if (ordered.size() == 1) {
                LOG.log(System.Logger.Level.WARNING, what + " for refund " + refundOf.apply(ordered.get(0)).id()
                        + " failed; a later pass tries again", batchFailed);
                return 0;
            }
            LOG.log(System.Logger.Level.WARNING, what + " in one transaction for " + ordered.size()
                    + " refunds failed; writing them one at a time", batchFailed);
        }
        int written = 0;
        for (T item : ordered) {
            try {
                transactions.inTransaction(() -> {
                    write.accept(item);
                    return null;
                });
                written++;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, what + " for refund " + refundOf.apply(item).id()
                        + " failed; a later pass tries again", e);
            }
        }
        return written;
    }
}
