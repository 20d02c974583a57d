package dev.refunds.application.refund;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.shared.IdGenerator;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.AskedAmount;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundRequest;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Locks the payment row, asks the aggregate (which decides everything, the amount included), saves the refund, the
 * payment and the {@code refund.created} event in one transaction. The row lock is what serialises concurrent
 * requests across service instances. Inside a group-commit batch the payment is locked once for the batch and the
 * writes are made together at its end ({@link PendingRefunds}).
 */
public final class RequestRefundService implements RequestRefundUseCase {
    private final PaymentRepository payments;
    private final RefundWriter writer;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final Clock clock;

    public RequestRefundService(PaymentRepository payments, RefundWriter writer,
                                IdGenerator ids, Transactions transactions, Clock clock) {
        this.payments = payments;
        this.writer = writer;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Decision<RefundChange> handle(RequestRefundCommand command) {
        return transactions.inTransaction(() -> {
            Optional<PendingRefunds> pending = writer.pending();
            Optional<Payment> locked = pending.isPresent()
                    ? pending.get().lock(payments, command.business().id(), command.payment())
                    : PaymentLocks.lock(payments, command.business().id(), command.payment());
            if (locked.isEmpty()) {
                return Decision.refused(RefusalCode.PAYMENT_NOT_FOUND, "No payment " + command.payment());
            }
            Instant now = clock.instant();
            Optional<AskedAmount> amount = command.amount().map(AskedAmount.class::cast);
            RefundRequest request = new RefundRequest(ids.newRefundId(now), amount, command.fullRefundOnly(),
                    command.reason(), command.merchantRef(), command.metadata());
            Decision<RefundChange> decision = locked.get().requestRefund(request, command.business().policy(), now);
            if (decision instanceof Decision.Accepted<RefundChange> accepted) {
                writer.created(accepted.value(), now);
            }
            return decision;
        });
    }
}
