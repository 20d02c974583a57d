package dev.refunds.application.refund;

import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Metadata;
import dev.refunds.domain.payment.Refund;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A merchant asks for a refund; an empty amount means the whole refundable amount. The business is the one its
 * credentials were checked against (a business never changes once created, so its policy needs no second read).
 */
public record RequestRefundCommand(Business business, PaymentRef payment, Optional<RequestedAmount> amount,
                                   boolean fullRefundOnly, String reason, Optional<String> merchantRef,
                                   Metadata metadata) {
    public RequestRefundCommand {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(merchantRef, "merchantRef");
        if (reason.isBlank() || reason.length() > Refund.REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("reason must be 1-" + Refund.REASON_LENGTH_MAX + " characters");
        }
        merchantRef.filter(ref -> ref.length() > Refund.MERCHANT_REF_LENGTH_MAX).ifPresent(ref -> {
            throw new IllegalArgumentException("merchantRef is too long");
        });
    }

    /**
     * What a request locks, for requests decided together under one lock (group commit): the payment of the
     * business. A payment named by its id and by its pay id makes two groups; the row lock still orders them.
     */
    public static Object lockGroup(BusinessId business, PaymentRef payment) {
        return List.of(business, payment);
    }

    /** A request without metadata (v2 has none). */
    public RequestRefundCommand(Business business, PaymentRef payment, Optional<RequestedAmount> amount,
                                boolean fullRefundOnly, String reason, Optional<String> merchantRef) {
        this(business, payment, amount, fullRefundOnly, reason, merchantRef, Metadata.EMPTY);
    }
}
