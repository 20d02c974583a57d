package dev.refunds.application.port;

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

    /** When the oldest {@code INITIATED} refund not yet claimed by the settlement worker was last changed. */
    Optional<Instant> oldestUnsentRefund();
}
