package dev.refunds.bootstrap;

import dev.refunds.application.admin.AdminActionsUseCase;
import dev.refunds.application.admin.AdminQueriesService;
import dev.refunds.application.admin.AdminQueriesUseCase;
import dev.refunds.application.admin.AdminSearch;
import dev.refunds.application.admin.AuditedAdminActions;
import dev.refunds.application.audit.AuditTrail;
import dev.refunds.application.audit.AuditTrailService;
import dev.refunds.application.audit.AuditTrailUseCase;
import dev.refunds.application.audit.AuditedWrites;
import dev.refunds.application.business.ApiKeyHasher;
import dev.refunds.application.business.BusinessKeys;
import dev.refunds.application.business.CreateBusinessUseCase;
import dev.refunds.application.business.RecentMerchantKeys;
import dev.refunds.application.business.RotateApiKeyService;
import dev.refunds.application.dispute.DisputesUseCase;
import dev.refunds.application.operator.AdminAuthenticator;
import dev.refunds.application.operator.AdminIds;
import dev.refunds.application.operator.OperatorRepository;
import dev.refunds.application.operator.OperatorsService;
import dev.refunds.application.operator.OperatorsUseCase;
import dev.refunds.application.reconciliation.DiscrepanciesUseCase;
import dev.refunds.application.refund.ReviewRefundUseCase;
import dev.refunds.application.shared.IdGenerator;
import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.WebhookDeliveriesUseCase;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Operators, the audit trail and the admin reads and writes (issue #19). */
@Factory
final class AdminFactory {
    @Singleton
    AuditedWrites auditedWrites(AuditTrail trail, AdminIds ids, Transactions transactions, Clock clock) {
        return new AuditedWrites(trail, ids, transactions, clock);
    }

    /** Operator tokens are hashed like API keys: the same keyed HMAC, the same server secret. */
    @Singleton
    OperatorsUseCase operators(OperatorRepository operators, AdminAuthenticator root, ApiKeyHasher hasher,
                               AdminIds ids, AuditedWrites audited, Clock clock) {
        return new OperatorsService(operators, root, hasher, ids, audited, clock);
    }

    @Singleton
    AuditTrailUseCase auditTrail(AuditTrail trail) {
        return new AuditTrailService(trail);
    }

    @Singleton
    RotateApiKeyService rotateApiKey(BusinessKeys keys, IdGenerator ids, ApiKeyHasher hasher,
                                     Transactions transactions, Clock clock, RecentMerchantKeys recent) {
        return new RotateApiKeyService(keys, ids, hasher, transactions, clock, recent);
    }

    @Singleton
    AdminActionsUseCase adminActions(AuditedWrites audited, CreateBusinessUseCase businesses, RotateApiKeyService keys,
                                     ReviewRefundUseCase review, DisputesUseCase disputes,
                                     WebhookDeliveriesUseCase deliveries, DiscrepanciesUseCase discrepancies) {
        return new AuditedAdminActions(audited, businesses, keys, review, disputes, deliveries, discrepancies);
    }

    @Singleton
    AdminQueriesUseCase adminQueries(AdminSearch search) {
        return new AdminQueriesService(search);
    }
}
