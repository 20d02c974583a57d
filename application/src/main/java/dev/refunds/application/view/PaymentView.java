package dev.refunds.application.view;

import dev.refunds.domain.payment.Payment;

import java.util.Map;

/** A payment as API clients and webhook subscribers see it; amounts are strings at the currency's scale. */
public record PaymentView(String paymentId, long payId, String amount, String currency, String type, String status,
                          String refundTotal, String refundableAmount, boolean disputed, String merchantRef,
                          String description, String createdAt, String completedAt, Map<String, String> metadata) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.id().value(), payment.payId(), payment.amount().toPlainString(),
                payment.amount().currency().getCurrencyCode(), payment.type().name(), payment.status().name(),
                payment.refunded().toPlainString(), payment.refundable().toPlainString(), payment.isDisputed(),
                payment.merchantRef().orElse(null), payment.description().orElse(null),
                payment.createdAt().toString(), payment.completedAt().map(Object::toString).orElse(null),
                payment.metadata().entries());
    }
}
