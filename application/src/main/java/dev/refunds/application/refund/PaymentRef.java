package dev.refunds.application.refund;

import dev.refunds.domain.payment.PaymentId;

import java.util.Objects;

/** How a request names its payment: v1's {@code paymentId} or v2's numeric {@code pay_id}. */
public sealed interface PaymentRef permits PaymentRef.ById, PaymentRef.ByPayId {

    static PaymentRef of(PaymentId id) {
        return new ById(id);
    }

    static PaymentRef ofPayId(long payId) {
        return new ByPayId(payId);
    }

    record ById(PaymentId id) implements PaymentRef {
        public ById {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return id.value();
        }
    }

    record ByPayId(long payId) implements PaymentRef {
        @Override
        public String toString() {
            return Long.toString(payId);
        }
    }
}
