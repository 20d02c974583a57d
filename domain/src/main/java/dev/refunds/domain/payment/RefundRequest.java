package dev.refunds.domain.payment;

import dev.refunds.domain.money.Money;

import java.util.Objects;
import java.util.Optional;

/**
 * What a merchant asks for. An empty {@code amount} means the whole refundable amount; {@code fullRefundOnly}
 * (v2's {@code isFullRefund}) insists that the amount given is exactly that. The amount is read in the payment's
 * currency by the rules, in its turn.
 */
public record RefundRequest(RefundId refundId, Optional<AskedAmount> amount, boolean fullRefundOnly, String reason,
                            Optional<String> merchantRef, Metadata metadata) {
    public RefundRequest {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** A request without metadata for an amount already in money. */
    public RefundRequest(RefundId refundId, Optional<Money> amount, boolean fullRefundOnly, String reason,
                         Optional<String> merchantRef) {
        this(refundId, amount.map(AskedAmount::of), fullRefundOnly, reason, merchantRef, Metadata.EMPTY);
    }
}
