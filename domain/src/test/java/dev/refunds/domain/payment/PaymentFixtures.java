package dev.refunds.domain.payment;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.domain.money.Money;

import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments, requests and moves the payment tests share; every time is {@link #NOW} unless a test says so. */
final class PaymentFixtures {

    static final Currency BDT = Currency.getInstance("BDT");
    static final Instant NOW = Instant.parse("2026-05-17T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(60);
    static final BusinessId BUSINESS = new BusinessId("HB_71c4a09e3f52");
    static final PaymentId PAYMENT = new PaymentId("PAY_20260517_K8X3M2QZ7D");
    static final RefundPolicy AUTO_MULTIPLE = RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE);
    static final RefundPolicy AUTO_SINGLE = RefundPolicy.of(ReviewMode.AUTO, RefundMode.SINGLE);
    static final RefundPolicy MANUAL_SINGLE = RefundPolicy.of(ReviewMode.MANUAL, RefundMode.SINGLE);
    static final RefundPolicy MANUAL_MULTIPLE = RefundPolicy.of(ReviewMode.MANUAL, RefundMode.MULTIPLE);
    static final String FAILURE = "processor declined the refund";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private PaymentFixtures() {
    }

    static Money bdt(String text) {
        return Money.parse(text, BDT);
    }

    static Payment pending(Money amount, PaymentType type) {
        return Payment.create(PAYMENT, 12_345, BUSINESS, amount, type, Optional.of("order-42"),
                Optional.of("a pair of shoes"), Metadata.EMPTY, NOW);
    }

    static Payment completed(Money amount) {
        return completed(amount, PaymentType.LINK);
    }

    static Payment completed(Money amount, PaymentType type) {
        return pending(amount, type).complete(NOW).orElseThrow();
    }

    static RefundId nextRefundId() {
        return new RefundId("REF_20260517_" + SEQUENCE.incrementAndGet());
    }

    static RefundRequest request(Money amount) {
        return new RefundRequest(nextRefundId(), Optional.of(amount), false, "customer returned the item",
                Optional.empty());
    }

    static RefundRequest wholeRefundable() {
        return new RefundRequest(nextRefundId(), Optional.empty(), false, "customer returned the item",
                Optional.empty());
    }

    static RefundRequest fullRefundOnly(Optional<Money> amount) {
        return new RefundRequest(nextRefundId(), amount, true, "customer returned the item", Optional.empty());
    }

    /** A refund the policy must accept; the test fails here if it does not. */
    static RefundChange refund(Payment payment, Money amount, RefundPolicy policy) {
        return payment.requestRefund(request(amount), policy, NOW).orElseThrow();
    }

    /** Moves the refund along the given statuses; a failure gets {@link #FAILURE} as its reason. */
    static RefundChange move(RefundChange change, RefundStatus... path) {
        RefundChange current = change;
        for (RefundStatus next : path) {
            Optional<String> note = next == RefundStatus.FAILED ? Optional.of(FAILURE) : Optional.empty();
            current = current.payment().moveRefund(current.refund(), next, note, LATER).orElseThrow();
        }
        return current;
    }

    static DisputeChange openDispute(Payment payment) {
        return payment.openDispute(new DisputeId("DSP_20260517_A1B2C3D4E5"), "customer says it never arrived", NOW)
                .orElseThrow();
    }

    /** The payment after a dispute was opened and, unless {@code outcome} is OPEN, closed that way. */
    static Payment disputed(Payment payment, DisputeStatus outcome) {
        DisputeChange opened = openDispute(payment);
        if (outcome == DisputeStatus.OPEN) {
            return opened.payment();
        }
        return opened.payment().closeDispute(opened.dispute(), outcome, LATER).orElseThrow().payment();
    }

    /** {@code "INITIATED,PROCESSING"} as statuses; an empty text is no move at all. */
    static RefundStatus[] statuses(String path) {
        return path.isEmpty() ? new RefundStatus[0]
                : Arrays.stream(path.split(",")).map(RefundStatus::valueOf).toArray(RefundStatus[]::new);
    }

    static Refusal refusalOf(Decision<?> decision) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        assertThat(decision.isAccepted()).isFalse();
        return ((Decision.Refused<?>) decision).refusal();
    }
}
