package dev.refunds.application.payment;

import dev.refunds.application.shared.IdGenerator;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.Payment;

import java.time.Clock;
import java.time.Instant;

public final class CreatePaymentService implements CreatePaymentUseCase {
    private final PaymentRepository payments;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final Clock clock;

    public CreatePaymentService(PaymentRepository payments, IdGenerator ids, Transactions transactions,
                                Clock clock) {
        this.payments = payments;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Payment handle(CreatePaymentCommand command) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Payment payment = Payment.create(ids.newPaymentId(now), ids.newPayId(), command.businessId(),
                    command.amount(), command.type(), command.merchantRef(), command.description(), command.metadata(),
                    now);
            payments.insert(payment);
            return payment;
        });
    }
}
