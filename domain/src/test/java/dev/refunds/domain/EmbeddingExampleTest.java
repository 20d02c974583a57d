package dev.refunds.domain;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.domain.money.Currencies;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Metadata;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentType;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundRequest;
import dev.refunds.domain.payment.RefundStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the README's example of embedding the domain jar in another JVM app, so that it keeps compiling. */
class EmbeddingExampleTest {

    @Test
    void the_readme_example_refunds_400_of_a_1000_taka_payment_and_leaves_600_refundable() {
        // README example start
        Currency bdt = Currencies.parse("BDT");
        Instant now = Instant.now();
        Payment payment = Payment.create(new PaymentId("PAY_20260517_K8X3M2QZ7D"), 12345,
                new BusinessId("HB_71c4a09e3f52"), Money.parse("1000.00", bdt), PaymentType.LINK,
                Optional.empty(), Optional.empty(), Metadata.EMPTY, now).complete(now).orElseThrow();
        RefundPolicy policy = RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE);
        RefundRequest request = new RefundRequest(new RefundId("REF_20260517_M4N1J7QZ7D"),
                Optional.of(Money.parse("400.00", bdt)), false, "customer returned the item", Optional.empty());
        RefundChange change = payment.requestRefund(request, policy, now).orElseThrow();   // INITIATED
        for (RefundStatus next : List.of(RefundStatus.PROCESSING, RefundStatus.COMPLETED)) {
            change = change.payment().moveRefund(change.refund(), next, Optional.empty(), now).orElseThrow();
        }
        System.out.println("refundable: " + change.payment().refundable());   // refundable: 600.00 BDT
        // README example end

        assertThat(change.refund().status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(change.payment().refunded()).isEqualTo(Money.parse("400.00", bdt));
        assertThat(change.payment().refundable().toPlainString()).isEqualTo("600.00");
        assertThat(change.payment().refundable()).hasToString("600.00 BDT");
    }
}
