package dev.refunds.application.contract;

import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.ClientId;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.Metadata;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.PaymentType;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rows for the contracts, in the documented id formats and unique across runs: a MariaDB database keeps the rows of
 * earlier runs and of other test classes, so every contract test makes its own business and looks at its own ids.
 * Times are whole milliseconds, the precision every backend keeps.
 */
public final class Rows {
    /** Far enough in the past that no other test's rows are older. */
    public static final Instant T0 = Instant.parse("2001-02-03T04:05:06.007Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Rows() {
    }

    public static String suffix(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(BASE36.charAt(RANDOM.nextInt(BASE36.length())));
        }
        return text.toString();
    }

    private static String hex(String prefix) {
        return prefix + String.format(Locale.ROOT, "%012x", RANDOM.nextLong() >>> 16);
    }

    /** A new business, stored. */
    public static Business business(Storage storage) {
        Business business = new Business(new BusinessId(hex("HB_")), new ClientId(hex("HM_")), "Contract shop",
                RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE), T0);
        storage.inTransaction(() -> storage.businesses().insert(business, "hash-" + suffix(20)));
        return business;
    }

    /** A paid payment of 1000.00 BDT with nothing refunded, not stored. */
    public static Payment paidPayment(Business business, Instant createdAt) {
        Money amount = Money.of("BDT", 100_000);
        Money zero = Money.zero(amount.currency());
        return new Payment(new PaymentId("PAY_20010203_" + suffix(10)), 1 + (RANDOM.nextLong() >>> 12),
                business.id(), amount, PaymentType.LINK, PaymentStatus.COMPLETED, zero, zero, 0, Optional.empty(),
                Optional.of("order-" + suffix(6)), Optional.of("two mugs"), new Metadata(Map.of("channel", "web")),
                createdAt, Optional.of(createdAt.plusSeconds(1)));
    }

    /** A refund of the payment in one of the statuses a refund waits in before the processor answers. */
    public static Refund refund(Payment payment, long minor, RefundStatus status, Instant initiatedAt) {
        Optional<String> processorReference = status == RefundStatus.PROCESSING
                ? Optional.of("sbx_" + suffix(8)) : Optional.empty();
        return new Refund(new RefundId("REF_20010203_" + suffix(10)), payment.id(), payment.businessId(),
                Money.of("BDT", minor), status, "customer asked", Optional.of("ref-" + suffix(6)), Optional.empty(),
                Optional.empty(), initiatedAt, initiatedAt, Optional.empty(), Optional.empty(), processorReference,
                Optional.empty(), Optional.empty(), new Metadata(Map.of("ticket", "T-1")), Optional.empty());
    }

    /** The processing refund declined by the processor at {@code at}. */
    public static Refund declined(Refund refund, Instant at) {
        return new Refund(refund.id(), refund.paymentId(), refund.businessId(), refund.amount(), RefundStatus.FAILED,
                refund.reason(), refund.merchantRef(), Optional.empty(), Optional.of("declined by the bank"),
                refund.initiatedAt(), at, Optional.empty(), Optional.of(FailureCode.DECLINED),
                refund.processorReference(), Optional.empty(), Optional.empty(), refund.metadata(),
                refund.reviewedBy());
    }

    /** The same refund moved on to {@code status} at {@code at} (no processor fields). */
    public static Refund moved(Refund refund, RefundStatus status, Instant at) {
        return new Refund(refund.id(), refund.paymentId(), refund.businessId(), refund.amount(), status,
                refund.reason(), refund.merchantRef(), refund.rejectReason(), refund.failureReason(),
                refund.initiatedAt(), at, refund.completedAt(), refund.failureCode(),
                status == RefundStatus.PROCESSING ? Optional.of("sbx_" + suffix(8)) : Optional.empty(),
                refund.acquirerReference(), refund.reversedAt(), refund.metadata(),
                status == RefundStatus.PENDING_REVIEW ? Optional.empty() : Optional.of("Nadia"));
    }
}
