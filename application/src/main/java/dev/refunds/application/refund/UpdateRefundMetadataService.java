package dev.refunds.application.refund;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Metadata;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Merges metadata into a refund under its payment's lock (the lock order of every refund writer) and writes
 * {@code refund.updated}. A merge that would break the limits is a 400 on {@code metadata}, nothing written.
 */
public final class UpdateRefundMetadataService implements UpdateRefundMetadataUseCase {
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final RefundWriter writer;
    private final Transactions transactions;
    private final Clock clock;

    public UpdateRefundMetadataService(PaymentRepository payments, RefundRepository refunds, RefundWriter writer,
                                       Transactions transactions, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.writer = writer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Decision<RefundChange> update(BusinessId businessId, PaymentId paymentId, RefundId refundId,
                                         Map<String, String> updates) {
        Metadata.problemWith(updates, true).ifPresent(problem -> {
            throw new InvalidInputException("metadata", problem);
        });
        return transactions.inTransaction(() -> {
            Optional<Payment> payment = payments.lockById(businessId, paymentId);
            Optional<Refund> refund = payment.flatMap(found -> refunds.lockById(businessId, refundId))
                    .filter(found -> found.paymentId().equals(paymentId));
            if (refund.isEmpty()) {
                return Decision.refused(RefusalCode.REFUND_NOT_FOUND, "No refund " + refundId + " of payment "
                        + paymentId);
            }
            Metadata merged = merge(refund.get().metadata(), updates);
            RefundChange change = new RefundChange(payment.get(), refund.get().withMetadata(merged));
            Instant now = clock.instant();
            writer.updated(change, now);
            return Decision.accepted(change);
        });
    }

    private static Metadata merge(Metadata current, Map<String, String> updates) {
        try {
            return current.updatedWith(updates);
        } catch (IllegalArgumentException tooMany) {
            throw new InvalidInputException("metadata", tooMany.getMessage());
        }
    }
}
