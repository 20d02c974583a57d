package dev.refunds.bootstrap;

import dev.refunds.application.business.BusinessRepository;
import dev.refunds.application.reconciliation.Discrepancies;
import dev.refunds.application.reconciliation.DiscrepanciesService;
import dev.refunds.application.reconciliation.DiscrepanciesUseCase;
import dev.refunds.application.reconciliation.ReconcileUseCase;
import dev.refunds.application.reconciliation.ReconciliationRuns;
import dev.refunds.application.reconciliation.ReconciliationService.ReconciliationSettings;
import dev.refunds.application.reconciliation.ReconciliationService;
import dev.refunds.application.refund.RefundRepository;
import dev.refunds.application.report.RefundReports;
import dev.refunds.application.report.RefundReportsService;
import dev.refunds.application.report.RefundReportsUseCase;
import dev.refunds.application.settlement.PaymentProcessor;
import dev.refunds.application.settlement.SyncRefundUseCase;
import dev.refunds.application.shared.Transactions;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/** Reports and reconciliation, built from the adapters' port implementations. */
@Factory
final class ReportsFactory {
    private static final int DISCREPANCY_ID_BYTES = 10;

    @Singleton
    RefundReportsUseCase refundReports(RefundReports reports, BusinessRepository businesses) {
        return new RefundReportsService(reports, businesses);
    }

    @Singleton
    DiscrepanciesUseCase discrepancies(Discrepancies discrepancies, Transactions transactions, Clock clock) {
        return new DiscrepanciesService(discrepancies, transactions, clock);
    }

    /** Every instance has its own owner name for the job's lease. */
    @Singleton
    ReconcileUseCase reconcile(ReconciliationRuns runs, PaymentProcessor processor, RefundRepository refunds,
                               RefundReports reports, Discrepancies discrepancies, SyncRefundUseCase sync,
                               Transactions transactions, Clock clock,
                               @Value("${refunds.reconciliation.lease:5m}") Duration lease,
                               @Value("${refunds.reconciliation.settle-grace:10m}") Duration settleGrace,
                               @Value("${refunds.reconciliation.page-size:500}") int pageSize,
                               @Value("${refunds.reconciliation.items-per-run-max:50000}") int itemsPerRunMax) {
        SecureRandom random = new SecureRandom();
        ReconciliationSettings settings = new ReconciliationSettings("instance-" + UUID.randomUUID(), lease,
                settleGrace, pageSize, itemsPerRunMax);
        return new LoggedReconciliation(new ReconciliationService(runs, processor, refunds, reports, discrepancies,
                sync, transactions, clock, () -> "DSC_" + hex(random), settings));
    }

    private static String hex(SecureRandom random) {
        byte[] bytes = new byte[DISCREPANCY_ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
