package dev.refunds.bootstrap;

import dev.refunds.application.business.ApiKeyHasher;
import dev.refunds.application.business.AuthenticateMerchantService;
import dev.refunds.application.business.AuthenticateMerchantUseCase;
import dev.refunds.application.business.RecentMerchantKeys;
import dev.refunds.application.business.BusinessKeys;
import dev.refunds.application.business.BusinessRepository;
import dev.refunds.application.business.CreateBusinessService;
import dev.refunds.application.business.CreateBusinessUseCase;
import dev.refunds.application.dispute.DisputeRepository;
import dev.refunds.application.dispute.DisputesService;
import dev.refunds.application.dispute.DisputesUseCase;
import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.idempotency.IdempotencyService;
import dev.refunds.application.idempotency.IdempotencyStore;
import dev.refunds.application.idempotency.IdempotencyUseCase;
import dev.refunds.application.idempotency.PurgeIdempotencyKeys;
import dev.refunds.application.payment.ChangePaymentStatusService;
import dev.refunds.application.payment.ChangePaymentStatusUseCase;
import dev.refunds.application.payment.CreatePaymentService;
import dev.refunds.application.payment.CreatePaymentUseCase;
import dev.refunds.application.payment.FindPaymentsService;
import dev.refunds.application.payment.FindPaymentsUseCase;
import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.refund.CancelRefundService;
import dev.refunds.application.refund.CancelRefundUseCase;
import dev.refunds.application.refund.FindRefundsService;
import dev.refunds.application.refund.FindRefundsUseCase;
import dev.refunds.application.refund.RefundMover;
import dev.refunds.application.refund.RefundRepository;
import dev.refunds.application.refund.RefundWriter;
import dev.refunds.application.refund.RequestRefundService;
import dev.refunds.application.refund.RequestRefundUseCase;
import dev.refunds.application.refund.ReviewRefundService;
import dev.refunds.application.refund.ReviewRefundUseCase;
import dev.refunds.application.refund.UpdateRefundMetadataService;
import dev.refunds.application.refund.UpdateRefundMetadataUseCase;
import dev.refunds.application.settlement.PaymentProcessor;
import dev.refunds.application.settlement.SettleRefundsUseCase;
import dev.refunds.application.settlement.SettlementQueue;
import dev.refunds.application.settlement.SettlementService;
import dev.refunds.application.settlement.SyncRefundService;
import dev.refunds.application.settlement.SyncRefundUseCase;
import dev.refunds.application.shared.GroupCommit;
import dev.refunds.application.shared.IdGenerator;
import dev.refunds.application.shared.Transactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The composition root: plain application classes built from the adapters' port implementations. */
@Factory
final class UseCaseFactory {
    private static final String SETTLEMENT_WORKERS = "settlement-workers";
    private static final int SETTLEMENT_CONCURRENCY_MAX = 64;

    /** Millisecond ticks: what the database stores is exactly what the API showed. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Singleton
    CreateBusinessUseCase createBusiness(BusinessRepository businesses, IdGenerator ids, ApiKeyHasher hasher,
                                         Transactions transactions, Clock clock) {
        return new CreateBusinessService(businesses, ids, hasher, transactions, clock);
    }

    @Singleton
    AuthenticateMerchantUseCase authenticateMerchant(BusinessRepository businesses, ApiKeyHasher hasher,
                                                     BusinessKeys rotatedKeys, Clock clock,
                                                     RecentMerchantKeys recent) {
        return new AuthenticateMerchantService(businesses, hasher, java.util.Optional.of(rotatedKeys), clock, recent);
    }

    @Singleton
    CreatePaymentUseCase createPayment(PaymentRepository payments, IdGenerator ids, Transactions transactions,
                                       Clock clock) {
        return new CreatePaymentService(payments, ids, transactions, clock);
    }

    @Singleton
    ChangePaymentStatusUseCase changePaymentStatus(PaymentRepository payments, Transactions transactions,
                                                   Clock clock) {
        return new ChangePaymentStatusService(payments, transactions, clock);
    }

    @Singleton
    FindPaymentsUseCase findPayments(PaymentRepository payments) {
        return new FindPaymentsService(payments);
    }

    @Singleton
    RefundWriter refundWriter(PaymentRepository payments, RefundRepository refunds, EventOutbox outbox,
                              IdGenerator ids) {
        return new RefundWriter(payments, refunds, outbox, ids);
    }

    @Singleton
    RefundMover refundMover(PaymentRepository payments, RefundRepository refunds, RefundWriter writer) {
        return new RefundMover(payments, refunds, writer);
    }

    @Singleton
    RequestRefundUseCase requestRefund(PaymentRepository payments, RefundWriter writer, IdGenerator ids,
                                       Transactions transactions, Clock clock) {
        return new RequestRefundService(payments, writer, ids, transactions, clock);
    }

    @Singleton
    CancelRefundUseCase cancelRefund(RefundRepository refunds, RefundMover mover, SettlementQueue settlement,
                                     Transactions transactions, Clock clock) {
        return new CancelRefundService(refunds, mover, settlement, transactions, clock);
    }

    @Singleton
    SettleRefundsUseCase settleRefunds(SettlementQueue queue, PaymentProcessor processor, PaymentRepository payments,
                                       RefundMover mover, Transactions transactions, Clock clock,
                                       @Value("${refunds.settlement.batch-size:50}") int batchSize,
                                       @Value("${refunds.settlement.send-lease:30s}") Duration sendLease,
                                       @Value("${refunds.settlement.first-check-after:0s}") Duration firstCheck,
                                       @Value("${refunds.settlement.check-every:500ms}") Duration checkEvery,
                                       @Value("${refunds.settlement.check-every-max:5m}") Duration checkEveryMax,
                                       @Value("${refunds.settlement.reversal-window:7d}") Duration reversalWindow,
                                       @Named(SETTLEMENT_WORKERS) WorkerPool workers) {
        return new SettlementService(queue, processor, payments, mover, transactions, clock,
                new SettlementService.SettlementSettings(batchSize, sendLease, firstCheck, checkEvery, checkEveryMax,
                        reversalWindow),
                workers);
    }

    @Singleton
    UpdateRefundMetadataUseCase updateRefundMetadata(PaymentRepository payments, RefundRepository refunds,
                                                     RefundWriter writer, Transactions transactions, Clock clock) {
        return new UpdateRefundMetadataService(payments, refunds, writer, transactions, clock);
    }

    @Singleton
    SyncRefundUseCase syncRefund(RefundRepository refunds, PaymentRepository payments, PaymentProcessor processor,
                                 RefundMover mover, Transactions transactions, Clock clock) {
        return new SyncRefundService(refunds, payments, processor, mover, transactions, clock);
    }

    /** The processor calls of one instance that run at once; each holds a database connection at times. */
    @Singleton
    @Named(SETTLEMENT_WORKERS)
    @Bean(preDestroy = "close")
    WorkerPool settlementWorkers(@Value("${refunds.settlement.concurrency:4}") int concurrency) {
        return new WorkerPool("settlement", "refunds.settlement.concurrency", concurrency, SETTLEMENT_CONCURRENCY_MAX);
    }

    @Singleton
    ReviewRefundUseCase reviewRefund(RefundRepository refunds, RefundMover mover, Transactions transactions,
                                     Clock clock) {
        return new ReviewRefundService(refunds, mover, transactions, clock);
    }

    @Singleton
    FindRefundsUseCase findRefunds(PaymentRepository payments, RefundRepository refunds) {
        return new FindRefundsService(payments, refunds);
    }

    @Singleton
    IdempotencyUseCase idempotency(IdempotencyStore store, Transactions transactions, Clock clock,
                                   @Value("${refunds.idempotency.lease:30s}") Duration lease,
                                   @Value("${refunds.refunds.group-commit-max:64}") int groupCommitMax) {
        return new IdempotencyService(store, transactions, clock, lease, new GroupCommit(transactions, groupCommitMax));
    }

    @Singleton
    PurgeIdempotencyKeys purgeIdempotencyKeys(IdempotencyStore store, Transactions transactions, Clock clock,
                                              @Value("${refunds.idempotency.retention:25h}") Duration retention) {
        return new PurgeIdempotencyKeys(store, transactions, clock, retention);
    }

    @Singleton
    DisputesUseCase disputes(PaymentRepository payments, DisputeRepository disputes, IdGenerator ids,
                             Transactions transactions, Clock clock) {
        return new DisputesService(payments, disputes, ids, transactions, clock);
    }
}
