package dev.refunds.application.payment;

import dev.refunds.domain.payment.Payment;

/** Creates a {@code PENDING} payment. */
public interface CreatePaymentUseCase {
    Payment handle(CreatePaymentCommand command);
}
