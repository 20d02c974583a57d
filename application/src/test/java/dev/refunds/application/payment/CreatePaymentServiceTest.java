package dev.refunds.application.payment;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Metadata;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.PaymentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.refunds.application.fakes.FakeWorld.bdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreatePaymentServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final Business business = world.autoBusiness();

    @Test
    void a_new_payment_is_pending_unpaid_and_stored() {
        Payment payment = world.createPayment.handle(new CreatePaymentCommand(business.id(), bdt("500.00"),
                PaymentType.LINK, Optional.empty(), Optional.empty()));

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.businessId()).isEqualTo(business.id());
        assertThat(payment.amount()).isEqualTo(bdt("500.00"));
        assertThat(payment.type()).isEqualTo(PaymentType.LINK);
        assertThat(payment.createdAt()).isEqualTo(world.clock.instant());
        assertThat(payment.completedAt()).isEmpty();
        assertThat(payment.refundable()).isEqualTo(bdt("0.00"));
        assertThat(payment.refunded()).isEqualTo(bdt("0.00"));
        assertThat(payment.isDisputed()).isFalse();
        assertThat(payment.metadata()).isEqualTo(Metadata.EMPTY);
        assertThat(world.payments.findById(business.id(), payment.id())).contains(payment);
    }

    @Test
    void the_payment_gets_a_dated_id_and_a_positive_pay_id() {
        Payment payment = world.pendingPayment(business, "10.00");

        assertThat(payment.id().value()).matches("PAY_20260517_[0-9A-Z]{10}");
        assertThat(payment.payId()).isPositive().isLessThan(1L << 53);
        assertThat(world.payments.findByPayId(business.id(), payment.payId())).contains(payment);
    }

    @Test
    void two_payments_get_distinct_ids_and_pay_ids() {
        Payment first = world.pendingPayment(business, "10.00");
        Payment second = world.pendingPayment(business, "10.00");

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.payId()).isNotEqualTo(second.payId());
        assertThat(world.payments.all()).containsExactly(first, second);
    }

    @Test
    void merchant_reference_description_metadata_and_invoice_type_are_kept() {
        Payment payment = world.createPayment.handle(new CreatePaymentCommand(business.id(),
                Money.of("JPY", 500), PaymentType.INVOICE, Optional.of("order-42"), Optional.of("Two mangoes"),
                new Metadata(Map.of("cart", "c-7", "channel", "app"))));

        Payment stored = world.storedPayment(payment);
        assertThat(stored.type()).isEqualTo(PaymentType.INVOICE);
        assertThat(stored.merchantRef()).contains("order-42");
        assertThat(stored.description()).contains("Two mangoes");
        assertThat(stored.metadata().entries()).containsExactly(Map.entry("cart", "c-7"), Map.entry("channel", "app"));
        assertThat(stored.amount()).isEqualTo(Money.of("JPY", 500));
    }

    @Test
    void the_payment_is_invisible_to_another_business() {
        Payment payment = world.pendingPayment(business, "10.00");
        Business other = world.autoBusiness();

        assertThat(world.payments.findById(other.id(), payment.id())).isEmpty();
        assertThat(world.findPayments.get(other.id(), payment.id())).isEmpty();
    }

    @Test
    void a_zero_amount_or_oversized_texts_are_refused_by_the_command() {
        assertThatThrownBy(() -> new CreatePaymentCommand(business.id(), bdt("0.00"), PaymentType.LINK,
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreatePaymentCommand(business.id(), bdt("1.00"), PaymentType.LINK,
                Optional.of("r".repeat(Payment.MERCHANT_REF_LENGTH_MAX + 1)), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreatePaymentCommand(business.id(), bdt("1.00"), PaymentType.LINK,
                Optional.empty(), Optional.of("d".repeat(Payment.DESCRIPTION_LENGTH_MAX + 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(world.payments.all()).isEmpty();
    }

    @Test
    void texts_at_their_maximum_length_are_accepted() {
        Payment payment = world.createPayment.handle(new CreatePaymentCommand(business.id(), bdt("1.00"),
                PaymentType.LINK, Optional.of("r".repeat(Payment.MERCHANT_REF_LENGTH_MAX)),
                Optional.of("d".repeat(Payment.DESCRIPTION_LENGTH_MAX))));

        assertThat(world.storedPayment(payment).merchantRef().orElseThrow()).hasSize(Payment.MERCHANT_REF_LENGTH_MAX);
    }
}
