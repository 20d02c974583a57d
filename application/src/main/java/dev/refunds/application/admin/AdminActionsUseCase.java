package dev.refunds.application.admin;

import dev.refunds.application.business.CreateBusinessCommand;
import dev.refunds.application.business.CreatedBusiness;
import dev.refunds.application.operator.Actor;
import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.webhook.RetryDeliveryOutcome;
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

/** The admin writes, each done by a named operator and recorded in the audit trail with it. */
public interface AdminActionsUseCase {
    CreatedBusiness createBusiness(Actor actor, CreateBusinessCommand command);

    /** The new API key; empty when there is no such business. */
    Optional<String> rotateApiKey(Actor actor, BusinessId businessId, Duration oldKeyExpiresIn);

    Decision<RefundChange> approve(Actor actor, RefundId refundId);

    Decision<RefundChange> reject(Actor actor, RefundId refundId, Optional<String> reason);

    Decision<DisputeChange> openDispute(Actor actor, PaymentId paymentId, String reason);

    Decision<DisputeChange> closeDispute(Actor actor, DisputeId disputeId, DisputeStatus outcome);

    /** A business's {@code FAILED} webhook delivery, sent once more. */
    RetryDeliveryOutcome retryDelivery(Actor actor, BusinessId businessId, String deliveryId);

    /** Empty when there is no such discrepancy; refused ({@code INVALID_STATE}) when it is already resolved. */
    Optional<Decision<Discrepancy>> resolveDiscrepancy(Actor actor, String discrepancyId, String note);
}
