package dev.refunds.application.payment;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Metadata;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentType;

import java.util.Objects;
import java.util.Optional;

/** A merchant creates a payment link or invoice. */
public record CreatePaymentCommand(BusinessId businessId, Money amount, PaymentType type,
                                   Optional<String> merchantRef, Optional<String> description, Metadata metadata) {
    public CreatePaymentCommand {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(metadata, "metadata");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a payment is never zero");
        }
        merchantRef.filter(ref -> ref.length() > Payment.MERCHANT_REF_LENGTH_MAX).ifPresent(ref -> {
            throw new IllegalArgumentException("merchantRef is too long");
        });
        description.filter(text -> text.length() > Payment.DESCRIPTION_LENGTH_MAX).ifPresent(text -> {
            throw new IllegalArgumentException("description is too long");
        });
    }

    /** A payment without metadata. */
    public CreatePaymentCommand(BusinessId businessId, Money amount, PaymentType type,
                                Optional<String> merchantRef, Optional<String> description) {
        this(businessId, amount, type, merchantRef, description, Metadata.EMPTY);
    }
}
