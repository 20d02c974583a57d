package dev.refunds.domain.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Which of a refund's optional facts go with which status; a failure here is a bug or corrupt data. */
final class RefundInvariants {
    private static final Set<RefundStatus> SENT = Set.of(RefundStatus.PROCESSING, RefundStatus.COMPLETED,
            RefundStatus.FAILED, RefundStatus.REVERSED);
    private static final Set<RefundStatus> PAID = Set.of(RefundStatus.COMPLETED, RefundStatus.REVERSED);
    private static final Set<RefundStatus> UNSUCCESSFUL = Set.of(RefundStatus.FAILED, RefundStatus.REVERSED);

    private RefundInvariants() {
    }

    static void check(RefundStatus status, Optional<Instant> completedAt, Optional<String> failureReason,
                      Optional<FailureCode> failureCode, Optional<String> processorReference,
                      Optional<String> acquirerReference, Optional<Instant> reversedAt) {
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(failureCode, "failureCode");
        Objects.requireNonNull(processorReference, "processorReference");
        Objects.requireNonNull(acquirerReference, "acquirerReference");
        Objects.requireNonNull(reversedAt, "reversedAt");
        require(completedAt.isPresent() == PAID.contains(status),
                "completedAt is set exactly when the refund is COMPLETED or REVERSED");
        require(reversedAt.isPresent() == (status == RefundStatus.REVERSED),
                "reversedAt is set exactly when the refund is REVERSED");
        require(failureReason.isPresent() == UNSUCCESSFUL.contains(status),
                "failureReason is set exactly when the refund is FAILED or REVERSED");
        require(failureCode.isPresent() == UNSUCCESSFUL.contains(status),
                "failureCode is set exactly when the refund is FAILED or REVERSED");
        require(processorReference.isEmpty() || SENT.contains(status),
                "only a refund the processor took has a processorReference");
        require(acquirerReference.isEmpty() || PAID.contains(status),
                "only a paid refund has an acquirerReference");
    }

    private static void require(boolean condition, String invariant) {
        if (!condition) {
            throw new IllegalArgumentException(invariant);
        }
    }
}
