package dev.refunds.domain.payment;

import dev.refunds.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static dev.refunds.domain.payment.PaymentFixtures.AUTO_MULTIPLE;
import static dev.refunds.domain.payment.PaymentFixtures.NOW;
import static dev.refunds.domain.payment.PaymentFixtures.bdt;
import static dev.refunds.domain.payment.PaymentFixtures.completed;
import static dev.refunds.domain.payment.PaymentFixtures.disputed;
import static dev.refunds.domain.payment.PaymentFixtures.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The asked amount is read by the rules in its turn; an amount that is not one is a refusal, never an exception. */
class AskedAmountTest {

    private static final Money PAID = bdt("1000.00");

    @Test
    void an_unreadable_amount_is_a_refusal_after_the_blockers_and_before_the_amount_rules() {
        AskedAmount unreadable = currency -> AskedAmount.invalid("amount must have 2 decimal places");
        Payment disputed = disputed(completed(PAID), DisputeStatus.OPEN);

        Refusal refusal = refusalOf(completed(PAID).requestRefund(asking(unreadable, true), AUTO_MULTIPLE, NOW));

        assertThat(refusal).isEqualTo(Refusal.onField(RefusalCode.INVALID_AMOUNT,
                "amount must have 2 decimal places", "amount"));
        assertThat(refusalOf(disputed.requestRefund(asking(unreadable, false), AUTO_MULTIPLE, NOW)).code())
                .isEqualTo(RefusalCode.REFUND_BLOCKED_BY_DISPUTE);
    }

    @Test
    void the_amount_is_read_only_once_no_blocker_refuses_and_in_the_payments_currency() {
        List<Currency> readIn = new ArrayList<>();
        AskedAmount recording = currency -> {
            readIn.add(currency);
            return Decision.accepted(bdt("10.00"));
        };

        completed(PAID, PaymentType.INVOICE).requestRefund(asking(recording, false), AUTO_MULTIPLE, NOW);
        RefundChange change = completed(PAID).requestRefund(asking(recording, false), AUTO_MULTIPLE, NOW)
                .orElseThrow();

        assertThat(readIn).containsExactly(PaymentFixtures.BDT);
        assertThat(change.refund().amount()).isEqualTo(bdt("10.00"));
    }

    private static RefundRequest asking(AskedAmount amount, boolean fullRefundOnly) {
        return new RefundRequest(PaymentFixtures.nextRefundId(), Optional.of(amount), fullRefundOnly, "returned",
                Optional.empty(), Metadata.EMPTY);
    }

}
