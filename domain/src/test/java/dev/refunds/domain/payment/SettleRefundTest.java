package dev.refunds.domain.payment;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.refunds.domain.payment.PaymentFixtures.AUTO_MULTIPLE;
import static dev.refunds.domain.payment.PaymentFixtures.LATER;
import static dev.refunds.domain.payment.PaymentFixtures.bdt;
import static dev.refunds.domain.payment.PaymentFixtures.completed;
import static dev.refunds.domain.payment.PaymentFixtures.refund;
import static dev.refunds.domain.payment.PaymentFixtures.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the processor says lands on the refund: its reference, the acquirer's, and a typed failure. */
class SettleRefundTest {
    private static final String ARN = "74567890123456789012345";

    private final RefundChange initiated = refund(completed(bdt("500.00")), bdt("200.00"), AUTO_MULTIPLE);

    @Test
    void a_sent_refund_is_processing_under_the_processors_reference() {
        RefundChange sent = settle(initiated, new Settlement.Sent("pr_1"));

        assertThat(sent.refund().status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(sent.refund().processorReference()).contains("pr_1");
        assertThat(sent.refund().acquirerReference()).isEmpty();
        assertThat(sent.payment().reserved()).isEqualTo(bdt("200.00"));
    }

    @Test
    void a_settled_refund_keeps_the_processors_reference_and_gains_the_acquirers() {
        RefundChange paid = settle(settle(initiated, new Settlement.Sent("pr_1")),
                new Settlement.Settled(Optional.of(ARN)));

        assertThat(paid.refund().status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(paid.refund().processorReference()).contains("pr_1");
        assertThat(paid.refund().acquirerReference()).contains(ARN);
        assertThat(paid.refund().completedAt()).contains(LATER);
        assertThat(paid.payment().refunded()).isEqualTo(bdt("200.00"));
        assertThat(paid.payment().reserved()).isEqualTo(bdt("0.00"));
    }

    @Test
    void a_declined_refund_has_its_code_and_reason_and_releases_its_amount() {
        RefundChange failed = settle(settle(initiated, new Settlement.Sent("pr_1")),
                new Settlement.Declined(FailureCode.INSUFFICIENT_FUNDS, "merchant balance too low"));

        assertThat(failed.refund().status()).isEqualTo(RefundStatus.FAILED);
        assertThat(failed.refund().failureCode()).contains(FailureCode.INSUFFICIENT_FUNDS);
        assertThat(failed.refund().failureReason()).contains("merchant balance too low");
        assertThat(failed.refund().processorReference()).contains("pr_1");
        assertThat(failed.payment().refundable()).isEqualTo(bdt("500.00"));
    }

    @Test
    void a_failure_without_a_processor_code_is_unknown() {
        RefundChange failed = initiated.payment().moveRefund(initiated.refund(), RefundStatus.FAILED,
                Optional.of("send kept failing"), LATER).orElseThrow();

        assertThat(failed.refund().failureCode()).contains(FailureCode.UNKNOWN);
    }

    @Test
    void the_processor_cannot_settle_a_refund_it_was_never_sent() {
        Decision<RefundChange> decision = initiated.payment().settleRefund(initiated.refund(),
                new Settlement.Settled(Optional.of(ARN)), LATER);

        assertThat(refusalOf(decision).code()).isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void references_only_go_with_the_statuses_that_have_them() {
        Refund fresh = initiated.refund();
        assertThatThrownBy(() -> new Refund(fresh.id(), fresh.paymentId(), fresh.businessId(), fresh.amount(),
                fresh.status(), fresh.reason(), fresh.merchantRef(), fresh.rejectReason(), fresh.failureReason(),
                fresh.initiatedAt(), fresh.updatedAt(), fresh.completedAt(), fresh.failureCode(),
                Optional.of("pr_1"), Optional.empty(), Optional.empty(), Metadata.EMPTY, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processorReference");
        Refund processing = settle(initiated, new Settlement.Sent("pr_1")).refund();
        assertThatThrownBy(() -> new Refund(processing.id(), processing.paymentId(), processing.businessId(),
                processing.amount(), processing.status(), processing.reason(), processing.merchantRef(),
                processing.rejectReason(), processing.failureReason(), processing.initiatedAt(),
                processing.updatedAt(), processing.completedAt(), processing.failureCode(),
                processing.processorReference(), Optional.of(ARN), Optional.empty(), Metadata.EMPTY,
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acquirerReference");
        assertThatThrownBy(() -> new Settlement.Sent(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Settlement.Sent("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failure_codes_have_the_api_names() {
        assertThat(FailureCode.values()).extracting(FailureCode::wireName).containsExactly("declined",
                "card_closed", "insufficient_funds", "processor_unavailable", "unknown");
        assertThat(FailureCode.fromWireName("card_closed")).contains(FailureCode.CARD_CLOSED);
        assertThat(FailureCode.fromWireName("CARD_CLOSED")).isEmpty();
    }

    private static RefundChange settle(RefundChange change, Settlement settlement) {
        return change.payment().settleRefund(change.refund(), settlement, LATER).orElseThrow();
    }
}
