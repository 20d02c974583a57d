package dev.refunds.application.refund;

import dev.refunds.application.InvalidInputException;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a merchant's refund list is narrowed to; every part optional, all of them combined. The creation window is
 * {@code [createdFrom, createdTo)}; a window that ends before it starts is refused.
 */
public record RefundFilter(Optional<RefundStatus> status, Optional<PaymentId> paymentId,
                           Optional<String> merchantRef, Optional<Instant> createdFrom,
                           Optional<Instant> createdTo) {

    public RefundFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        if (createdFrom.isPresent() && createdTo.isPresent() && createdFrom.get().isAfter(createdTo.get())) {
            throw new InvalidInputException("createdFrom", "createdFrom " + createdFrom.get()
                    + " is after createdTo " + createdTo.get());
        }
    }

    public static RefundFilter byStatus(Optional<RefundStatus> status) {
        return new RefundFilter(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** True when only the status (or nothing) narrows the list. */
    public boolean statusOnly() {
        return paymentId.isEmpty() && merchantRef.isEmpty() && createdFrom.isEmpty() && createdTo.isEmpty();
    }
}
