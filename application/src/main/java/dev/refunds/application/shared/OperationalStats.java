package dev.refunds.application.shared;

import dev.refunds.domain.payment.RefundStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Numbers an operator watches, read from the database (so they agree across instances). */
public interface OperationalStats {
    /** How many refunds are in each status. */
    Map<RefundStatus, Long> refundsByStatus();

    /** Outbox events not yet fanned out to webhook deliveries. */
    long outboxBacklog();

    /** Webhook deliveries in each status ({@code PENDING}, {@code SUCCEEDED}, {@code FAILED}). */
    Map<String, Long> webhookDeliveriesByStatus();

    /** Delivery attempts made so far, and how many of them failed (no 2xx answer). */
    long webhookAttempts();

    long webhookFailedAttempts();

    /** When the oldest {@code INITIATED} refund not yet claimed by the settlement worker was last changed. */
    Optional<Instant> oldestUnsentRefund();
}
