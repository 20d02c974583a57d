package dev.refunds.domain.payment;

import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.domain.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Optional;

import static dev.refunds.domain.payment.PaymentFixtures.AUTO_MULTIPLE;
import static dev.refunds.domain.payment.PaymentFixtures.NOW;
import static dev.refunds.domain.payment.PaymentFixtures.bdt;
import static dev.refunds.domain.payment.PaymentFixtures.completed;
import static dev.refunds.domain.payment.PaymentFixtures.refund;
import static dev.refunds.domain.payment.PaymentFixtures.request;
import static dev.refunds.domain.payment.PaymentFixtures.wholeRefundable;
import static org.assertj.core.api.Assertions.assertThat;

/** What an accepted refund request looks like: its amount, its first status, and the payment's totals after it. */
class RefundRequestTest {

    private static final Money PAID = bdt("1000.00");

    @Test
    void refund_of_exactly_the_refundable_amount_is_accepted() {
        Payment payment = refund(completed(PAID), bdt("400.00"), AUTO_MULTIPLE).payment();

        RefundChange change = payment.requestRefund(request(bdt("600.00")), AUTO_MULTIPLE, NOW).orElseThrow();

        assertThat(change.payment().refundable()).isEqualTo(bdt("0.00"));
        assertThat(change.payment().reserved()).isEqualTo(PAID);
    }

    @Test
    void an_omitted_amount_is_the_whole_refundable_amount() {
        Payment payment = refund(completed(PAID), bdt("250.00"), AUTO_MULTIPLE).payment();

        RefundChange change = payment.requestRefund(wholeRefundable(), AUTO_MULTIPLE, NOW).orElseThrow();

        assertThat(change.refund().amount()).isEqualTo(bdt("750.00"));
        assertThat(change.payment().refundable()).isEqualTo(bdt("0.00"));
    }

    @ParameterizedTest(name = "{0} with reviewAbove [{1}] sends {2} to {3}")
    @CsvSource({
            "MANUAL, '', 1.00, PENDING_REVIEW",
            "MANUAL, 100.00, 50.00, PENDING_REVIEW",
            "AUTO, '', 1000.00, INITIATED",
            "AUTO, 100.00, 100.01, PENDING_REVIEW",
            "AUTO, 100.00, 100.00, INITIATED",
            "AUTO, 100, 99.99, INITIATED",
            "AUTO, 0, 0.01, PENDING_REVIEW"})
    void the_policy_decides_the_first_status(ReviewMode mode, String reviewAbove, String amount,
                                             RefundStatus first) {
        Optional<BigDecimal> limit = reviewAbove.isEmpty()
                ? Optional.empty() : Optional.of(new BigDecimal(reviewAbove));
        RefundPolicy policy = new RefundPolicy(mode, RefundMode.MULTIPLE, limit);

        assertThat(refund(completed(PAID), bdt(amount), policy).refund().status()).isEqualTo(first);
    }

    @Test
    void an_accepted_request_reserves_its_amount_and_counts_for_the_payment() {
        RefundRequest request = new RefundRequest(new RefundId("REF_20260517_M4N1J7QZ7D"),
                Optional.of(bdt("400.00")), false, "customer returned the item", Optional.of("rma-7"));

        RefundChange change = completed(PAID).requestRefund(request, AUTO_MULTIPLE, NOW).orElseThrow();

        Refund refund = change.refund();
        assertThat(refund.id()).isEqualTo(request.refundId());
        assertThat(refund.paymentId()).isEqualTo(change.payment().id());
        assertThat(refund.businessId()).isEqualTo(change.payment().businessId());
        assertThat(refund.amount()).isEqualTo(bdt("400.00"));
        assertThat(refund.reason()).isEqualTo("customer returned the item");
        assertThat(refund.merchantRef()).contains("rma-7");
        assertThat(refund.initiatedAt()).isEqualTo(NOW);
        assertThat(refund.updatedAt()).isEqualTo(NOW);
        assertThat(refund.completedAt()).isEmpty();
        assertThat(change.payment().reserved()).isEqualTo(bdt("400.00"));
        assertThat(change.payment().refunded()).isEqualTo(bdt("0.00"));
        assertThat(change.payment().countingRefunds()).isEqualTo(1);
        assertThat(change.payment().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(change.payment().refundable()).isEqualTo(bdt("600.00"));
    }
}
