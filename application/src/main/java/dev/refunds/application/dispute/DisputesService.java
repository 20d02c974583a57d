package dev.refunds.application.dispute;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.shared.IdGenerator;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeChange;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class DisputesService implements DisputesUseCase {
    private final PaymentRepository payments;
    private final DisputeRepository disputes;
    private final IdGenerator ids;
    private final Transactions transactions;
    private final Clock clock;

    public DisputesService(PaymentRepository payments, DisputeRepository disputes, IdGenerator ids,
                           Transactions transactions, Clock clock) {
        this.payments = payments;
        this.disputes = disputes;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Decision<DisputeChange> open(PaymentId paymentId, String reason) {
        return transactions.inTransaction(() -> {
            Optional<Payment> payment = payments.lockAnyById(paymentId);
            if (payment.isEmpty()) {
                return Decision.refused(RefusalCode.PAYMENT_NOT_FOUND, "No payment " + paymentId);
            }
            Instant now = clock.instant();
            Decision<DisputeChange> decision = payment.get().openDispute(ids.newDisputeId(now), reason, now);
            if (decision instanceof Decision.Accepted<DisputeChange> accepted) {
                payments.update(accepted.value().payment());
                disputes.insert(accepted.value().dispute());
            }
            return decision;
        });
    }

    @Override
    public Decision<DisputeChange> close(DisputeId disputeId, DisputeStatus outcome) {
        return transactions.inTransaction(() -> {
            Optional<Dispute> seen = disputes.findById(disputeId);
            if (seen.isEmpty()) {
                return Decision.refused(RefusalCode.DISPUTE_NOT_FOUND, "No dispute " + disputeId);
            }
            Payment payment = payments.lockAnyById(seen.get().paymentId()).orElseThrow(
                    () -> new IllegalStateException("dispute " + disputeId + " has no payment"));
            Dispute current = disputes.lockById(disputeId).orElseThrow();
            Decision<DisputeChange> decision = payment.closeDispute(current, outcome, clock.instant());
            if (decision instanceof Decision.Accepted<DisputeChange> accepted) {
                payments.update(accepted.value().payment());
                disputes.update(accepted.value().dispute());
            }
            return decision;
        });
    }
}
