package dev.refunds.application.admin;

import dev.refunds.application.audit.AuditedWrites;
import dev.refunds.application.business.CreateBusinessCommand;
import dev.refunds.application.business.CreateBusinessUseCase;
import dev.refunds.application.business.CreatedBusiness;
import dev.refunds.application.business.RotateApiKeyService;
import dev.refunds.application.dispute.DisputesUseCase;
import dev.refunds.application.operator.Actor;
import dev.refunds.application.reconciliation.DiscrepanciesUseCase;
import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.refund.ReviewRefundUseCase;
import dev.refunds.application.webhook.RetryDeliveryCommand;
import dev.refunds.application.webhook.RetryDeliveryOutcome;
import dev.refunds.application.webhook.WebhookDeliveriesUseCase;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.DisputeChange;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** Wraps each admin use case so that the change and its audit record commit together or not at all. */
public final class AuditedAdminActions implements AdminActionsUseCase {
    private final AuditedWrites audited;
    private final CreateBusinessUseCase businesses;
    private final RotateApiKeyService keys;
    private final ReviewRefundUseCase review;
    private final DisputesUseCase disputes;
    private final WebhookDeliveriesUseCase deliveries;
    private final DiscrepanciesUseCase discrepancies;

    public AuditedAdminActions(AuditedWrites audited, CreateBusinessUseCase businesses, RotateApiKeyService keys,
                               ReviewRefundUseCase review, DisputesUseCase disputes,
                               WebhookDeliveriesUseCase deliveries, DiscrepanciesUseCase discrepancies) {
        this.audited = audited;
        this.businesses = businesses;
        this.keys = keys;
        this.review = review;
        this.disputes = disputes;
        this.deliveries = deliveries;
        this.discrepancies = discrepancies;
    }

    @Override
    public CreatedBusiness createBusiness(Actor actor, CreateBusinessCommand command) {
        return audited.write(actor, "business.created", created -> Optional.of(created.business().id().value()),
                created -> Optional.of(created.business().name()), () -> businesses.handle(command));
    }

    @Override
    public Optional<String> rotateApiKey(Actor actor, BusinessId businessId, Duration oldKeyExpiresIn) {
        return audited.write(actor, "business.key_rotated", key -> key.map(rotated -> businessId.value()),
                key -> Optional.of("previous key valid for " + oldKeyExpiresIn.toSeconds() + " s"),
                () -> keys.rotate(businessId, oldKeyExpiresIn));
    }

    @Override
    public Decision<RefundChange> approve(Actor actor, RefundId refundId) {
        return audited.write(actor, "refund.approved", ifAccepted(refundId.value()), decision -> Optional.empty(),
                () -> review.approve(refundId, actor.operator().name()));
    }

    @Override
    public Decision<RefundChange> reject(Actor actor, RefundId refundId, Optional<String> reason) {
        return audited.write(actor, "refund.rejected", ifAccepted(refundId.value()), decision -> reason,
                () -> review.reject(refundId, reason, actor.operator().name()));
    }

    @Override
    public Decision<DisputeChange> openDispute(Actor actor, PaymentId paymentId, String reason) {
        return audited.write(actor, "dispute.opened", disputeIfAccepted(), decision -> Optional.of(reason),
                () -> disputes.open(paymentId, reason));
    }

    @Override
    public Decision<DisputeChange> closeDispute(Actor actor, DisputeId disputeId, DisputeStatus outcome) {
        return audited.write(actor, "dispute.closed", ifAccepted(disputeId.value()),
                decision -> Optional.of(outcome.name()), () -> disputes.close(disputeId, outcome));
    }

    @Override
    public RetryDeliveryOutcome retryDelivery(Actor actor, BusinessId businessId, String deliveryId) {
        return audited.write(actor, "webhook_delivery.retried",
                outcome -> outcome instanceof RetryDeliveryOutcome.Retried ? Optional.of(deliveryId) : Optional.empty(),
                outcome -> Optional.of(businessId.value()),
                () -> deliveries.retry(new RetryDeliveryCommand(businessId, deliveryId)));
    }

    @Override
    public Optional<Decision<Discrepancy>> resolveDiscrepancy(Actor actor, String discrepancyId, String note) {
        return audited.write(actor, "discrepancy.resolved",
                found -> found.flatMap(AuditedAdminActions.<Discrepancy>ifAccepted(discrepancyId)),
                found -> Optional.of(note), () -> discrepancies.resolve(discrepancyId, note));
    }

    private static <T> Function<Decision<T>, Optional<String>> ifAccepted(String subject) {
        return decision -> decision instanceof Decision.Accepted<T> ? Optional.of(subject) : Optional.empty();
    }

    private static Function<Decision<DisputeChange>, Optional<String>> disputeIfAccepted() {
        return decision -> decision instanceof Decision.Accepted<DisputeChange> accepted
                ? Optional.of(accepted.value().dispute().id().value()) : Optional.empty();
    }
}
