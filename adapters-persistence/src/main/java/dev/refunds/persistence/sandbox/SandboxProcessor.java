package dev.refunds.persistence.sandbox;

import dev.refunds.application.settlement.PaymentProcessor;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.persistence.DatabaseBoundary;
import dev.refunds.persistence.DuplicateKeys;
import dev.refunds.persistence.Times;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in sandbox processor. It accepts every refund and settles it {@code refunds.sandbox.settle-delay}
 * later ({@code REFUNDS_SANDBOX_SETTLE_DELAY}, default 2 s); it fails ({@code declined}), deterministically, every
 * refund whose amount in minor units ends in 13 (10.13, 513 JPY, 1.013 KWD), and completes then reverses
 * ({@code card_closed}) one settle delay later every refund ending in 31, so clients can test every path. The
 * refund id is its idempotency key: a second submit of one refund counts the call and changes nothing.
 */
@DatabaseBoundary
@Singleton
@RequiresSandbox
class SandboxProcessor implements PaymentProcessor {
    static final long FAILING_MINOR_UNITS_SUFFIX = 13;
    static final long REVERSED_MINOR_UNITS_SUFFIX = 31;
    static final String FAILURE_REASON = "sandbox: amounts whose minor units end in 13 are declined";
    static final String REVERSAL_REASON = "sandbox: amounts whose minor units end in 31 are reversed (card closed)";

    private final LedgerRows ledger;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration settleDelay;

    SandboxProcessor(LedgerRows ledger, TransactionOperations<Connection> transactions, Clock clock,
                     @Value("${refunds.sandbox.settle-delay:2s}") Duration settleDelay) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.settleDelay = settleDelay;
    }

    @Override
    public String submit(RefundId refundId, Money amount) {
        transactions.executeWrite(status -> {
            if (ledger.countCall(refundId.value()) == 0 && !receive(refundId, amount)) {
                ledger.countCall(refundId.value());   // a simultaneous first submit won the insert
            }
            return null;
        });
        return SandboxReferences.processorReference(refundId);
    }

    /** Records a new refund; false when another submit of the same refund recorded it first. */
    private boolean receive(RefundId refundId, Money amount) {
        SandboxLedgerBatch.Received row = SandboxLedgerBatch.Received.of(refundId, amount, clock.instant(),
                settleDelay);
        try {
            ledger.receive(row.refundId(), row.amountMinor(), row.currency(), row.receivedAtMs(), row.settleAtMs(),
                    row.outcome(), row.failureReason(), row.reverseAtMs());
            return true;
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The whole batch in one transaction; one by one when that fails (a simultaneous submit of one of them). */
    @Override
    public Map<RefundId, String> submitAll(List<Submission> submissions) {
        try {
            transactions.executeWrite(status -> {
                SandboxLedgerBatch.receiveAll(status.getConnection(), submissions, clock.instant(), settleDelay);
                return null;
            });
        } catch (RuntimeException e) {
            System.getLogger(SandboxProcessor.class.getName()).log(System.Logger.Level.INFO, "sandbox: "
                    + submissions.size() + " submits in one transaction failed; taking them one by one", e);
            return PaymentProcessor.super.submitAll(submissions);
        }
        Map<RefundId, String> references = new LinkedHashMap<>();
        submissions.forEach(submission -> references.put(submission.refundId(),
                SandboxReferences.processorReference(submission.refundId())));
        return references;
    }

    @Override
    public ProcessorStatus status(RefundId refundId) {
        return statusOf(refundId, transactions.executeRead(status -> ledger.find(refundId.value())), clock.millis());
    }

    /** One query for the whole batch. */
    @Override
    public Map<RefundId, ProcessorStatus> statusAll(List<RefundId> refundIds) {
        if (refundIds.isEmpty()) {
            return Map.of();
        }
        Map<String, LedgerRow> rows = new HashMap<>();
        transactions.executeRead(status -> ledger.findAll(refundIds.stream().map(RefundId::value).toList()))
                .forEach(row -> rows.put(row.refundId(), row));
        long nowMs = clock.millis();
        Map<RefundId, ProcessorStatus> statuses = new LinkedHashMap<>();
        refundIds.forEach(id -> statuses.put(id, statusOf(id, Optional.ofNullable(rows.get(id.value())), nowMs)));
        return statuses;
    }

    private static ProcessorStatus statusOf(RefundId refundId, Optional<LedgerRow> row, long nowMs) {
        if (row.isEmpty()) {
            return new ProcessorStatus.Unknown();
        }
        if (nowMs < row.get().settleAtMs()) {
            return new ProcessorStatus.Pending();
        }
        if ("FAILED".equals(row.get().outcome())) {
            return new ProcessorStatus.Failed(FailureCode.DECLINED, row.get().failureReason());
        }
        if ("REVERSED".equals(row.get().outcome()) && nowMs >= row.get().reverseAtMs()) {
            return new ProcessorStatus.Reversed(FailureCode.CARD_CLOSED, REVERSAL_REASON);
        }
        return new ProcessorStatus.Succeeded(Optional.of(SandboxReferences.acquirerReference(refundId)));
    }

    /** A refund is settled once its settle time has passed; its settlement time is that settle time. */
    @Override
    public List<SettledRefund> settledAfter(SettlementPosition after, Instant until, int max) {
        Instant now = clock.instant();
        long untilMs = Times.millis(until.isAfter(now) ? now : until);
        List<LedgerRow> rows = transactions.executeRead(status -> ledger.settledAfter(
                Times.millis(after.settledAt()), after.refundId(), untilMs, max));
        return rows.stream().map(row -> new SettledRefund(new RefundId(row.refundId()),
                Money.of(row.currency(), row.amountMinor()), !"FAILED".equals(row.outcome()),
                Times.instant(row.settleAtMs()))).toList();
    }

    @io.micronaut.data.annotation.MappedEntity(value = "sandbox_processor_refunds", escape = false)
    record LedgerRow(@io.micronaut.data.annotation.Id String refundId, long amountMinor, String currency,
                     long receivedAtMs, long settleAtMs, String outcome,
                     @io.micronaut.core.annotation.Nullable String failureReason, int submitCalls,
                     @io.micronaut.core.annotation.Nullable Long reverseAtMs) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    @RequiresSandbox
    interface LedgerRows extends GenericRepository<LedgerRow, String> {
        @Query("UPDATE sandbox_processor_refunds SET submit_calls = submit_calls + 1 WHERE refund_id = :refundId")
        long countCall(String refundId);

        @Query("INSERT INTO sandbox_processor_refunds (refund_id, amount_minor, currency, received_at_ms,"
                + " settle_at_ms, outcome, failure_reason, submit_calls, reverse_at_ms)"
                + " VALUES (:refundId, :amountMinor, :currency, :receivedAtMs, :settleAtMs, :outcome, :failureReason,"
                + " 1, :reverseAtMs)")
        void receive(String refundId, long amountMinor, String currency, long receivedAtMs, long settleAtMs,
                     String outcome, @io.micronaut.core.annotation.Nullable String failureReason,
                     @io.micronaut.core.annotation.Nullable Long reverseAtMs);

        @Query("SELECT * FROM sandbox_processor_refunds WHERE refund_id = :refundId")
        Optional<LedgerRow> find(String refundId);

        @Query("SELECT * FROM sandbox_processor_refunds WHERE refund_id IN (:refundIds)")
        List<LedgerRow> findAll(List<String> refundIds);

        @Query("SELECT * FROM sandbox_processor_refunds WHERE settle_at_ms < :untilMs AND settle_at_ms >= :atMs"
                + " AND (settle_at_ms > :atMs OR refund_id > :refundId) ORDER BY settle_at_ms, refund_id LIMIT :limit")
        List<LedgerRow> settledAfter(long atMs, String refundId, long untilMs, int limit);

        @Query("DELETE FROM sandbox_processor_refunds WHERE refund_id = :refundId")
        long forget(String refundId);

        @Query("UPDATE sandbox_processor_refunds SET amount_minor = :amountMinor WHERE refund_id = :refundId")
        long changeAmount(String refundId, long amountMinor);
    }
}
