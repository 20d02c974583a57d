package dev.refunds.application.payment;

import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

public final class ChangePaymentStatusService implements ChangePaymentStatusUseCase {
    private final PaymentRepository payments;
    private final Transactions transactions;
    private final Clock clock;

    public ChangePaymentStatusService(PaymentRepository payments, Transactions transactions, Clock clock) {
        this.payments = payments;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Decision<Payment> complete(BusinessId businessId, PaymentId paymentId) {
        return change(businessId, paymentId, payment -> payment.complete(clock.instant()));
    }

    @Override
    public Decision<Payment> cancel(BusinessId businessId, PaymentId paymentId) {
        return change(businessId, paymentId, Payment::cancel);
    }

    private Decision<Payment> change(BusinessId businessId, PaymentId paymentId,
                                     Function<Payment, Decision<Payment>> transition) {
        return transactions.inTransaction(() -> {
            Optional<Payment> locked = payments.lockById(businessId, paymentId);
            if (locked.isEmpty()) {
                return Decision.refused(RefusalCode.PAYMENT_NOT_FOUND, "No payment " + paymentId);
            }
            Decision<Payment> decision = transition.apply(locked.get());
            if (decision instanceof Decision.Accepted<Payment> accepted) {
                payments.update(accepted.value());
            }
            return decision;
        });
    }
}
