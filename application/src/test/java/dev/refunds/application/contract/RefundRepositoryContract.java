package dev.refunds.application.contract;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.refund.RefundFilter;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.refunds.application.contract.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link dev.refunds.application.refund.RefundRepository} does: a refund reads back as written, only to its
 * own business (the admin reads see all), and every list keeps the order refunds were stored in — oldest first for a
 * payment's refunds and the review queue, newest first for a merchant's list.
 */
public abstract class RefundRepositoryContract {
    protected abstract Storage storage();

    private Payment payment(Business shop) {
        Payment payment = Rows.paidPayment(shop, T0);
        storage().inTransaction(() -> storage().payments().insert(payment));
        return payment;
    }

    private Refund stored(Refund refund) {
        storage().inTransaction(() -> storage().refunds().insert(refund));
        return refund;
    }

    @Test
    void a_refund_reads_back_field_for_field_and_only_to_its_business() {
        Business shop = Rows.business(storage());
        Business other = Rows.business(storage());
        Refund refund = stored(Rows.refund(payment(shop), 1_000, RefundStatus.PENDING_REVIEW, T0));

        assertThat(storage().refunds().findById(shop.id(), refund.id())).contains(refund);
        assertThat(storage().inTransaction(() -> storage().refunds().lockById(shop.id(), refund.id())))
                .contains(refund);
        assertThat(storage().refunds().findAnyById(refund.id())).contains(refund);
        assertThat(storage().refunds().findById(other.id(), refund.id())).isEmpty();
        assertThat(storage().inTransaction(() -> storage().refunds().lockById(other.id(), refund.id()))).isEmpty();
        assertThat(storage().refunds().findAnyById(new RefundId("REF_20010203_" + Rows.suffix(10)))).isEmpty();
    }

    @Test
    void refunds_inserted_together_read_back_in_the_order_given() {
        Business shop = Rows.business(storage());
        Payment payment = payment(shop);
        Refund first = Rows.refund(payment, 1_000, RefundStatus.INITIATED, T0.plusSeconds(60));
        Refund second = Rows.refund(payment, 2_000, RefundStatus.PENDING_REVIEW, T0);

        storage().inTransaction(() -> storage().refunds().insertAll(List.of(first, second)));

        assertThat(storage().refunds().listForPayment(shop.id(), payment.id())).containsExactly(first, second);
    }

    @Test
    void an_update_keeps_the_new_status_reviewer_and_times() {
        Business shop = Rows.business(storage());
        Refund refund = stored(Rows.refund(payment(shop), 1_000, RefundStatus.PENDING_REVIEW, T0));
        Refund approved = Rows.moved(refund, RefundStatus.INITIATED, T0.plusSeconds(5));

        storage().inTransaction(() -> storage().refunds().update(approved));

        assertThat(storage().refunds().findById(shop.id(), refund.id())).contains(approved);
    }

    @Test
    void a_payments_refunds_are_oldest_stored_first_and_the_latest_is_the_last_stored() {
        Business shop = Rows.business(storage());
        Payment payment = payment(shop);
        Refund first = stored(Rows.refund(payment, 1_000, RefundStatus.INITIATED, T0.plusSeconds(60)));
        Refund second = stored(Rows.refund(payment, 2_000, RefundStatus.INITIATED, T0));   // a clock behind
        stored(Rows.refund(payment(shop), 3_000, RefundStatus.INITIATED, T0));             // another payment

        assertThat(ids(storage().refunds().listForPayment(shop.id(), payment.id())))
                .containsExactly(first.id(), second.id());
        assertThat(storage().refunds().findLatestForPayment(shop.id(), payment.id())).contains(second);
        assertThat(storage().refunds().listForPayment(Rows.business(storage()).id(), payment.id())).isEmpty();
    }

    @Test
    void the_merchants_list_is_newest_stored_first_filtered_by_status_and_paged_by_cursor() {
        Business shop = Rows.business(storage());
        Payment payment = payment(shop);
        Refund first = stored(Rows.refund(payment, 1_000, RefundStatus.INITIATED, T0.plusSeconds(60)));
        Refund second = stored(Rows.refund(payment, 2_000, RefundStatus.PENDING_REVIEW, T0));
        Refund third = stored(Rows.refund(payment, 3_000, RefundStatus.INITIATED, T0.plusSeconds(30)));

        Page<Refund> one = storage().refunds().list(shop.id(), Optional.empty(), new PageRequest(2, Optional.empty()));
        assertThat(ids(one.items())).containsExactly(third.id(), second.id());
        assertThat(one.hasMore()).isTrue();
        Page<Refund> two = storage().refunds().list(shop.id(), Optional.empty(),
                new PageRequest(2, Optional.of(second.id().value())));
        assertThat(ids(two.items())).containsExactly(first.id());
        assertThat(two.hasMore()).isFalse();
        assertThat(ids(storage().refunds().list(shop.id(), Optional.of(RefundStatus.INITIATED),
                new PageRequest(10, Optional.empty())).items())).containsExactly(third.id(), first.id());
    }

    @Test
    void the_filter_narrows_by_payment_merchant_ref_and_creation_window() {
        Business shop = Rows.business(storage());
        Payment payment = payment(shop);
        Refund early = stored(Rows.refund(payment, 1_000, RefundStatus.INITIATED, T0));
        Refund late = stored(Rows.refund(payment, 2_000, RefundStatus.INITIATED, T0.plusSeconds(60)));
        Refund elsewhere = stored(Rows.refund(payment(shop), 3_000, RefundStatus.INITIATED, T0.plusSeconds(60)));
        PageRequest all = new PageRequest(10, Optional.empty());

        assertThat(ids(storage().refunds().list(shop.id(), new RefundFilter(Optional.empty(),
                Optional.of(payment.id()), Optional.empty(), Optional.empty(), Optional.empty()), all).items()))
                .containsExactly(late.id(), early.id());
        assertThat(ids(storage().refunds().list(shop.id(), new RefundFilter(Optional.empty(), Optional.empty(),
                elsewhere.merchantRef(), Optional.empty(), Optional.empty()), all).items()))
                .containsExactly(elsewhere.id());
        assertThat(ids(storage().refunds().list(shop.id(), new RefundFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(T0.plusSeconds(60)), Optional.empty()), all).items()))
                .containsExactly(elsewhere.id(), late.id());
        assertThat(ids(storage().refunds().list(shop.id(), new RefundFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(60))), all).items()))
                .as("the window's end is exclusive").containsExactly(early.id());
    }

    @Test
    void the_review_queue_holds_every_businesss_refunds_in_the_status_oldest_stored_first() {
        Refund first = stored(Rows.refund(payment(Rows.business(storage())), 1_000, RefundStatus.PENDING_REVIEW,
                T0.plusSeconds(60)));
        Refund second = stored(Rows.refund(payment(Rows.business(storage())), 2_000, RefundStatus.PENDING_REVIEW,
                T0));
        Refund initiated = stored(Rows.refund(payment(Rows.business(storage())), 3_000, RefundStatus.INITIATED, T0));

        List<RefundId> queue = ids(storage().refunds().listAll(RefundStatus.PENDING_REVIEW,
                new PageRequest(PageRequest.LIMIT_MAX, Optional.of(first.id().value()))).items());
        assertThat(queue).contains(second.id()).doesNotContain(first.id(), initiated.id());
    }

    @Test
    void a_cursor_that_names_no_refund_of_this_business_is_invalid_input() {
        Business shop = Rows.business(storage());
        Refund theirs = stored(Rows.refund(payment(Rows.business(storage())), 1_000, RefundStatus.INITIATED, T0));

        assertThatThrownBy(() -> storage().refunds().list(shop.id(), Optional.empty(),
                new PageRequest(10, Optional.of(theirs.id().value())))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> storage().refunds().list(shop.id(), RefundFilter.byStatus(Optional.empty()),
                new PageRequest(10, Optional.of("REF_20010203_" + Rows.suffix(10)))))
                .isInstanceOf(InvalidInputException.class);
    }

    private static List<RefundId> ids(List<Refund> refunds) {
        return refunds.stream().map(Refund::id).toList();
    }
}
