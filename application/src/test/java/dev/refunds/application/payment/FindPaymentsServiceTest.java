package dev.refunds.application.payment;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindPaymentsServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final Business business = world.autoBusiness();
    private final Business other = world.autoBusiness();

    private static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    private static PageRequest after(int limit, Payment last) {
        return new PageRequest(limit, Optional.of(last.id().value()));
    }

    private List<Payment> createPayments(int count) {
        List<Payment> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(world.pendingPayment(business, (i + 1) + ".00"));
        }
        return created;
    }

    @Test
    void one_payment_is_found_by_its_business_only() {
        Payment payment = world.pendingPayment(business, "5.00");

        assertThat(world.findPayments.get(business.id(), payment.id())).contains(payment);
        assertThat(world.findPayments.get(other.id(), payment.id())).isEmpty();
        assertThat(world.findPayments.get(business.id(), new PaymentId("PAY_20260517_0000000999"))).isEmpty();
    }

    @Test
    void the_list_is_newest_first_and_holds_only_the_business_s_payments() {
        List<Payment> mine = createPayments(3);
        world.pendingPayment(other, "9.00");

        Page<Payment> page = world.findPayments.list(business.id(), Optional.empty(), first(20));

        assertThat(page.items()).containsExactly(mine.get(2), mine.get(1), mine.get(0));
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void pages_follow_each_other_through_the_cursor_without_gaps_or_repeats() {
        List<Payment> mine = createPayments(5);

        Page<Payment> one = world.findPayments.list(business.id(), Optional.empty(), first(2));
        Page<Payment> two = world.findPayments.list(business.id(), Optional.empty(), after(2, one.items().get(1)));
        Page<Payment> three = world.findPayments.list(business.id(), Optional.empty(), after(2, two.items().get(1)));

        assertThat(one.items()).containsExactly(mine.get(4), mine.get(3));
        assertThat(one.hasMore()).isTrue();
        assertThat(two.items()).containsExactly(mine.get(2), mine.get(1));
        assertThat(two.hasMore()).isTrue();
        assertThat(three.items()).containsExactly(mine.get(0));
        assertThat(three.hasMore()).isFalse();
    }

    @Test
    void a_page_that_ends_exactly_at_the_last_item_has_no_more() {
        List<Payment> mine = createPayments(4);

        Page<Payment> one = world.findPayments.list(business.id(), Optional.empty(), first(2));
        Page<Payment> two = world.findPayments.list(business.id(), Optional.empty(), after(2, one.items().get(1)));
        Page<Payment> whole = world.findPayments.list(business.id(), Optional.empty(), first(4));

        assertThat(two.items()).containsExactly(mine.get(1), mine.get(0));
        assertThat(two.hasMore()).isFalse();
        assertThat(whole.items()).hasSize(4);
        assertThat(whole.hasMore()).isFalse();
    }

    @Test
    void a_cursor_on_the_last_item_gives_an_empty_page() {
        List<Payment> mine = createPayments(2);

        Page<Payment> page = world.findPayments.list(business.id(), Optional.empty(), after(20, mine.get(0)));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void a_business_without_payments_gets_an_empty_page() {
        world.pendingPayment(other, "1.00");

        Page<Payment> page = world.findPayments.list(business.id(), Optional.empty(), first(20));

        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void the_status_filter_keeps_only_payments_in_that_status() {
        List<Payment> mine = createPayments(5);
        Payment firstPaid = world.complete(mine.get(0));
        Payment secondPaid = world.complete(mine.get(3));
        world.changePaymentStatus.cancel(business.id(), mine.get(1).id()).orElseThrow();

        Page<Payment> completed = world.findPayments.list(business.id(), Optional.of(PaymentStatus.COMPLETED), first(20));
        Page<Payment> pending = world.findPayments.list(business.id(), Optional.of(PaymentStatus.PENDING), first(20));
        Page<Payment> refunded = world.findPayments.list(business.id(), Optional.of(PaymentStatus.REFUNDED), first(20));

        assertThat(completed.items()).containsExactly(secondPaid, firstPaid);
        assertThat(pending.items()).extracting(Payment::id).containsExactly(mine.get(4).id(), mine.get(2).id());
        assertThat(refunded.items()).isEmpty();
    }

    @Test
    void the_status_filter_and_the_cursor_page_together() {
        List<Payment> mine = createPayments(6);
        for (int i = 0; i < mine.size(); i += 2) {
            world.complete(mine.get(i));
        }

        Page<Payment> one = world.findPayments.list(business.id(), Optional.of(PaymentStatus.COMPLETED), first(2));
        Page<Payment> two = world.findPayments.list(business.id(), Optional.of(PaymentStatus.COMPLETED),
                after(2, one.items().get(1)));

        assertThat(one.items()).extracting(Payment::id).containsExactly(mine.get(4).id(), mine.get(2).id());
        assertThat(one.hasMore()).isTrue();
        assertThat(two.items()).extracting(Payment::id).containsExactly(mine.get(0).id());
        assertThat(two.hasMore()).isFalse();
    }

    @Test
    void an_unknown_cursor_is_invalid_input_on_starting_after() {
        createPayments(2);

        assertThatThrownBy(() -> world.findPayments.list(business.id(), Optional.empty(),
                new PageRequest(20, Optional.of("PAY_20260517_NOSUCHPAYM"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("startingAfter"));
    }

    @Test
    void another_business_s_payment_is_an_unknown_cursor() {
        createPayments(2);
        Payment theirs = world.pendingPayment(other, "3.00");

        assertThatThrownBy(() -> world.findPayments.list(business.id(), Optional.empty(), after(20, theirs)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("startingAfter"));
    }

    @Test
    void a_limit_outside_one_to_one_hundred_is_refused_by_the_page_request() {
        assertThatThrownBy(() -> new PageRequest(0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(PageRequest.LIMIT_MAX + 1, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PageRequest(PageRequest.LIMIT_MAX, Optional.empty()).limit()).isEqualTo(100);
    }
}
