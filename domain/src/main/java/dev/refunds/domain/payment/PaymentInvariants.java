package dev.refunds.domain.payment;

import dev.refunds.domain.money.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The checks every {@link Payment} passes when it is built; a failure here is a bug or corrupt data. */
final class PaymentInvariants {

    private PaymentInvariants() {
    }

    static void check(long payId, Money amount, PaymentStatus status, Money refunded, Money reserved,
                      int countingRefunds, Optional<DisputeStatus> dispute, Optional<Instant> completedAt) {
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(reserved, "reserved");
        require(payId > 0, "payId is positive");
        require(!amount.isZero(), "a payment is never zero");
        require(refunded.currency().equals(amount.currency()) && reserved.currency().equals(amount.currency()),
                "refund totals are in the payment's currency");
        require(!refunded.plus(reserved).isGreaterThan(amount),
                "completed + in-flight refunds never exceed the payment: " + refunded + " + " + reserved
                        + " > " + amount);
        require((status == PaymentStatus.REFUNDED) == refunded.equals(amount),
                "a payment is REFUNDED exactly when its completed refunds reach its amount");
        require(countingRefunds >= 0, "counting refunds is never negative");
        require(countingRefunds > 0 || (refunded.isZero() && reserved.isZero()),
                "refund totals need refunds that count");
        boolean paid = status == PaymentStatus.COMPLETED || status == PaymentStatus.REFUNDED;
        require(completedAt.isPresent() == paid, "completedAt is set exactly when the payment was paid");
        require(paid || (countingRefunds == 0 && dispute.isEmpty()), "an unpaid payment has no refunds or disputes");
    }

    private static void require(boolean condition, String invariant) {
        if (!condition) {
            throw new IllegalStateException("payment invariant broken: " + invariant);
        }
    }
}
