package dev.refunds.application.contract;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.refunds.application.contract.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link dev.refunds.application.payment.PaymentRepository} does, the fakes as much as the database: a payment
 * reads back as it was written, only to its own business, and lists page newest first in the order payments were
 * stored.
 */
public abstract class PaymentRepositoryContract {
    /** The ports under test; may be shared by every test of the class (each test makes its own business). */
    protected abstract Storage storage();

    private Payment stored(Payment payment) {
        storage().inTransaction(() -> storage().payments().insert(payment));
        return payment;
    }

    @Test
    void a_payment_reads_back_field_for_field_by_id_by_pay_id_and_under_a_lock() {
        Business shop = Rows.business(storage());
        Payment payment = stored(Rows.paidPayment(shop, T0));

        assertThat(storage().payments().findById(shop.id(), payment.id())).contains(payment);
        assertThat(storage().payments().findByPayId(shop.id(), payment.payId())).contains(payment);
        assertThat(storage().inTransaction(() -> storage().payments().lockById(shop.id(), payment.id())))
                .contains(payment);
        assertThat(storage().inTransaction(() -> storage().payments().lockByPayId(shop.id(), payment.payId())))
                .contains(payment);
        assertThat(storage().inTransaction(() -> storage().payments().lockAnyById(payment.id()))).contains(payment);
    }

    @Test
    void another_business_finds_nothing_under_the_same_ids_but_the_admin_lock_does() {
        Business shop = Rows.business(storage());
        Business other = Rows.business(storage());
        Payment payment = stored(Rows.paidPayment(shop, T0));

        assertThat(storage().payments().findById(other.id(), payment.id())).isEmpty();
        assertThat(storage().payments().findByPayId(other.id(), payment.payId())).isEmpty();
        assertThat(storage().inTransaction(() -> storage().payments().lockById(other.id(), payment.id()))).isEmpty();
        assertThat(storage().inTransaction(() -> storage().payments().lockByPayId(other.id(), payment.payId())))
                .isEmpty();
        assertThat(storage().payments().findById(shop.id(), new PaymentId("PAY_20010203_" + Rows.suffix(10))))
                .isEmpty();
    }

    @Test
    void an_update_changes_status_and_totals() {
        Business shop = Rows.business(storage());
        Payment payment = stored(Rows.paidPayment(shop, T0));
        Payment refunded = new Payment(payment.id(), payment.payId(), payment.businessId(), payment.amount(),
                payment.type(), PaymentStatus.REFUNDED, payment.amount(), Money.zero(payment.amount().currency()), 1,
                payment.dispute(), payment.merchantRef(), payment.description(), payment.metadata(),
                payment.createdAt(), payment.completedAt());

        storage().inTransaction(() -> storage().payments().update(refunded));

        assertThat(storage().payments().findById(shop.id(), payment.id())).contains(refunded);
    }

    @Test
    void a_second_payment_with_the_same_id_is_refused() {
        Business shop = Rows.business(storage());
        Payment payment = stored(Rows.paidPayment(shop, T0));

        assertThatThrownBy(() -> stored(payment)).isInstanceOf(RuntimeException.class);
        assertThat(storage().payments().findById(shop.id(), payment.id())).contains(payment);
    }

    @Test
    void the_list_is_newest_stored_first_even_when_an_older_created_at_was_stored_later() {
        Business shop = Rows.business(storage());
        Payment first = stored(Rows.paidPayment(shop, T0.plusSeconds(60)));
        Payment second = stored(Rows.paidPayment(shop, T0.plusSeconds(120)));
        Payment third = stored(Rows.paidPayment(shop, T0));   // its clock was behind: stored last, created "first"

        assertThat(ids(storage().payments().list(shop.id(), Optional.empty(), new PageRequest(10, Optional.empty()))))
                .containsExactly(third.id(), second.id(), first.id());
    }

    @Test
    void pages_follow_the_cursor_filter_by_status_and_say_whether_more_follow() {
        Business shop = Rows.business(storage());
        Payment first = stored(Rows.paidPayment(shop, T0));
        Payment second = stored(Rows.paidPayment(shop, T0.plusMillis(1)));
        Payment third = stored(Rows.paidPayment(shop, T0.plusMillis(2)));

        Page<Payment> one = storage().payments().list(shop.id(), Optional.empty(),
                new PageRequest(2, Optional.empty()));
        assertThat(ids(one)).containsExactly(third.id(), second.id());
        assertThat(one.hasMore()).isTrue();
        Page<Payment> two = storage().payments().list(shop.id(), Optional.empty(),
                new PageRequest(2, Optional.of(second.id().value())));
        assertThat(ids(two)).containsExactly(first.id());
        assertThat(two.hasMore()).isFalse();
        assertThat(ids(storage().payments().list(shop.id(), Optional.of(PaymentStatus.PENDING),
                new PageRequest(10, Optional.empty())))).isEmpty();
        assertThat(ids(storage().payments().list(shop.id(), Optional.of(PaymentStatus.COMPLETED),
                new PageRequest(10, Optional.empty())))).containsExactly(third.id(), second.id(), first.id());
    }

    @Test
    void a_cursor_that_names_no_payment_of_this_business_is_invalid_input() {
        Business shop = Rows.business(storage());
        Business other = Rows.business(storage());
        stored(Rows.paidPayment(shop, T0));
        Payment theirs = stored(Rows.paidPayment(other, T0));

        assertThatThrownBy(() -> storage().payments().list(shop.id(), Optional.empty(),
                new PageRequest(10, Optional.of("PAY_20010203_" + Rows.suffix(10)))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> storage().payments().list(shop.id(), Optional.empty(),
                new PageRequest(10, Optional.of(theirs.id().value())))).isInstanceOf(InvalidInputException.class);
    }

    private static List<PaymentId> ids(Page<Payment> page) {
        return page.items().stream().map(Payment::id).toList();
    }
}
