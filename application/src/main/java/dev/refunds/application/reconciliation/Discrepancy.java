package dev.refunds.application.reconciliation;

import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.RefundId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One disagreement between the books ({@code ours}) and the processor ({@code processors}) about one refund; a
 * side that has no record of the refund is empty. Recorded once per kind and refund.
 */
public record Discrepancy(String discrepancyId, DiscrepancyKind kind, RefundId refundId, Optional<Observed> ours,
                          Optional<Observed> processors, Instant detectedAt, DiscrepancyStatus status,
                          Optional<String> note, Optional<Instant> resolvedAt) {
    public static final int NOTE_LENGTH_MAX = 500;

    public Discrepancy {
        Objects.requireNonNull(discrepancyId, "discrepancyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(processors, "processors");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (resolvedAt.isPresent() != (status == DiscrepancyStatus.RESOLVED)) {
            throw new IllegalArgumentException("resolvedAt is set exactly when the discrepancy is RESOLVED");
        }
    }

    /** What one side says of the refund: its status there and its amount. */
    public record Observed(String status, Money amount) {
        public Observed {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(amount, "amount");
        }
    }

    Discrepancy resolved(String resolutionNote, Instant at) {
        return new Discrepancy(discrepancyId, kind, refundId, ours, processors, detectedAt, DiscrepancyStatus.RESOLVED,
                Optional.of(resolutionNote), Optional.of(at));
    }
}
