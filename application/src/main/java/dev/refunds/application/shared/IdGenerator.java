package dev.refunds.application.shared;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.ClientId;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundId;

import java.time.Instant;

/** New ids and secrets; random enough that a clash is a one-in-billions event the database still refuses. */
public interface IdGenerator {
    PaymentId newPaymentId(Instant now);

    /** The numeric id v2 clients use for a payment: positive and below 2^53, so JSON numbers keep it exact. */
    long newPayId();

    RefundId newRefundId(Instant now);

    DisputeId newDisputeId(Instant now);

    ClientId newClientId();

    BusinessId newBusinessId();

    /** An outbox event's id, also the webhook-id of its deliveries. */
    String newEventId();

    /** A merchant API key: 256 random bits, shown once. */
    String newApiKey();
}
