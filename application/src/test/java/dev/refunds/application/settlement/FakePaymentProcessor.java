package dev.refunds.application.settlement;

import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.RefundId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A payment processor in memory that records every call and does what the test tells it: keep one refund per
 * refund id (the idempotency key), fail the next submits before or after taking the refund, answer
 * {@link #status} with whatever was set (default: {@code Pending} once received, {@code Unknown} before), and
 * remember whether any call was made while a transaction was open.
 */
final class FakePaymentProcessor implements PaymentProcessor {

    /** How a failing submit fails. */
    enum SubmitFailure {
        /** The call never reached the processor: nothing received. */
        BEFORE_SUBMITTING,
        /** The processor took the refund, then the answer was lost (or the worker died before recording it). */
        AFTER_SUBMITTING
    }

    record SubmitCall(RefundId refundId, Money amount) {
    }

    static final class ProcessorDown extends RuntimeException {
        ProcessorDown(String message) {
            super(message);
        }
    }

    private final BooleanSupplier inTransaction;
    private final List<SubmitCall> submitCalls = new ArrayList<>();
    private final List<RefundId> statusCalls = new ArrayList<>();
    private final Map<RefundId, Money> received = new LinkedHashMap<>();
    private final Map<RefundId, ProcessorStatus> answers = new HashMap<>();
    private final List<SettledRefund> settled = new ArrayList<>();
    private final List<SubmitFailure> nextSubmitFailures = new ArrayList<>();
    private int nextStatusFailures;
    private int callsInsideTransactions;

    FakePaymentProcessor(BooleanSupplier inTransaction) {
        this.inTransaction = inTransaction;
    }

    @Override
    public String submit(RefundId refundId, Money amount) {
        noteTransaction();
        submitCalls.add(new SubmitCall(refundId, amount));
        SubmitFailure failure = nextSubmitFailures.isEmpty() ? null : nextSubmitFailures.remove(0);
        if (failure == SubmitFailure.BEFORE_SUBMITTING) {
            throw new ProcessorDown("connection refused before " + refundId + " was sent");
        }
        Money before = received.putIfAbsent(refundId, amount);
        if (before != null && !before.equals(amount)) {
            throw new IllegalStateException("refund " + refundId + " sent again with another amount: " + before
                    + " then " + amount);
        }
        if (failure == SubmitFailure.AFTER_SUBMITTING) {
            throw new ProcessorDown("read timed out after " + refundId + " was sent");
        }
        return referenceOf(refundId);
    }

    /** The processor's id for a refund: one per refund id, like a real processor's. */
    static String referenceOf(RefundId refundId) {
        return "fake_" + refundId.value();
    }

    @Override
    public ProcessorStatus status(RefundId refundId) {
        noteTransaction();
        statusCalls.add(refundId);
        if (nextStatusFailures > 0) {
            nextStatusFailures--;
            throw new ProcessorDown("status of " + refundId + " timed out");
        }
        ProcessorStatus answer = answers.get(refundId);
        if (answer != null) {
            return answer;
        }
        return received.containsKey(refundId) ? new ProcessorStatus.Pending() : new ProcessorStatus.Unknown();
    }

    /** Settled refunds in settlement order, as the processor's statement lists them. */
    @Override
    public List<SettledRefund> settledAfter(SettlementPosition after, Instant until, int max) {
        noteTransaction();
        Comparator<SettlementPosition> order = Comparator.comparing(SettlementPosition::settledAt)
                .thenComparing(SettlementPosition::refundId);
        return settled.stream().filter(item -> order.compare(item.position(), after) > 0)
                .filter(item -> item.settledAt().isBefore(until))
                .sorted(Comparator.comparing(SettledRefund::position, order)).limit(max).toList();
    }

    // --- tell it what to do -------------------------------------------------------------------------------------

    void failNextSubmits(SubmitFailure... failures) {
        nextSubmitFailures.addAll(List.of(failures));
    }

    void failNextStatusCalls(int count) {
        nextStatusFailures = count;
    }

    void answer(RefundId refundId, ProcessorStatus status) {
        answers.put(refundId, status);
    }

    /** Settles a refund (received or not) at {@code at}: its statement lists it, {@link #status} answers it. */
    void settle(RefundId refundId, Money amount, boolean completed, Instant at) {
        settled.removeIf(item -> item.refundId().equals(refundId));
        settled.add(new SettledRefund(refundId, amount, completed, at));
        answers.put(refundId, completed ? new ProcessorStatus.Succeeded()
                : new ProcessorStatus.Failed(FailureCode.DECLINED, "declined"));
    }

    /** Forgets a refund it had received, as a processor that lost the request would. */
    void lose(RefundId refundId) {
        received.remove(refundId);
        answers.remove(refundId);
        settled.removeIf(item -> item.refundId().equals(refundId));
    }

    // --- what happened ------------------------------------------------------------------------------------------

    List<SubmitCall> submitCalls() {
        return List.copyOf(submitCalls);
    }

    List<RefundId> submittedIds() {
        return submitCalls.stream().map(SubmitCall::refundId).toList();
    }

    List<RefundId> statusCalls() {
        return List.copyOf(statusCalls);
    }

    /** The refunds the processor holds: one per refund id, whatever the number of calls. */
    Map<RefundId, Money> received() {
        return Map.copyOf(received);
    }

    int callsInsideTransactions() {
        return callsInsideTransactions;
    }

    private void noteTransaction() {
        if (inTransaction.getAsBoolean()) {
            callsInsideTransactions++;
        }
    }
}
