package dev.refunds.domain.payment;

import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A customer's dispute of a whole payment; while {@code OPEN} it blocks new refunds. */
public record Dispute(DisputeId id, PaymentId paymentId, BusinessId businessId, DisputeStatus status, String reason,
                      Instant openedAt, Optional<Instant> closedAt) {

    public static final int REASON_LENGTH_MAX = 500;

    public Dispute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        if (reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("reason must be 1-" + REASON_LENGTH_MAX + " characters");
        }
        if (closedAt.isPresent() == (status == DisputeStatus.OPEN)) {
            throw new IllegalArgumentException("closedAt is set exactly when the dispute is closed");
        }
    }

    /** Closes an open dispute as {@code WON} or {@code LOST}; callers check {@link #status()} first. */
    Dispute close(DisputeStatus outcome, Instant now) {
        if (status != DisputeStatus.OPEN || outcome == DisputeStatus.OPEN) {
            throw new IllegalStateException("dispute " + id + " cannot move from " + status + " to " + outcome);
        }
        return new Dispute(id, paymentId, businessId, outcome, reason, openedAt, Optional.of(now));
    }
}
