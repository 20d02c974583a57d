package dev.refunds.application.refund;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.refunds.application.fakes.FakeWorld.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindRefundsServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final Business shop = world.autoBusiness();
    private final Business other = world.manualBusiness();
    private final Payment paid = world.completedPayment(shop, "500.00");
    private final Payment otherPaid = world.completedPayment(other, "500.00");

    private static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    private static PageRequest after(int limit, Refund last) {
        return new PageRequest(limit, Optional.of(last.id().value()));
    }

    private static void assertUnknownCursor(Runnable list) {
        assertThatThrownBy(list::run).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> assertThat(invalid.field()).isEqualTo("startingAfter"));
    }

    @Test
    void one_refund_is_found_under_its_own_payment_and_business_only() {
        Refund refund = world.refund(shop, paid, "10.00");
        Payment anotherOfMine = world.completedPayment(shop, "20.00");

        assertThat(world.findRefunds.get(shop.id(), paid.id(), refund.id())).contains(refund);
        assertThat(world.findRefunds.get(shop.id(), anotherOfMine.id(), refund.id())).isEmpty();
        assertThat(world.findRefunds.get(other.id(), paid.id(), refund.id())).isEmpty();
        assertThat(world.findRefunds.get(shop.id(), paid.id(), new RefundId("REF_20260517_0000000999"))).isEmpty();
    }

    @Test
    void a_payment_s_refunds_are_listed_oldest_first() {
        Refund one = world.refund(shop, paid, "10.00");
        Refund two = world.refund(shop, paid, "20.00");
        Refund three = world.refund(shop, paid, "30.00");
        world.refund(shop, world.completedPayment(shop, "50.00"), "5.00");

        assertThat(world.findRefunds.listForPayment(shop.id(), paid.id())).contains(List.of(one, two, three));
    }

    @Test
    void a_payment_without_refunds_lists_none_while_an_unknown_or_foreign_payment_lists_nothing_at_all() {
        world.refund(other, otherPaid, "10.00");

        assertThat(world.findRefunds.listForPayment(shop.id(), paid.id())).contains(List.of());
        assertThat(world.findRefunds.listForPayment(shop.id(), otherPaid.id())).isEmpty();
        assertThat(world.findRefunds.listForPayment(shop.id(), new PaymentId("PAY_20260517_0000000999"))).isEmpty();
    }

    @Test
    void the_latest_refund_of_a_pay_id_is_the_newest_one() {
        world.refund(shop, paid, "10.00");
        Refund latest = world.refund(shop, paid, "20.00");

        assertThat(world.findRefunds.latestForPayId(shop.id(), paid.payId())).contains(latest);
    }

    @Test
    void the_latest_refund_is_empty_without_refunds_or_for_another_business_s_pay_id() {
        world.refund(other, otherPaid, "10.00");

        assertThat(world.findRefunds.latestForPayId(shop.id(), paid.payId())).isEmpty();
        assertThat(world.findRefunds.latestForPayId(shop.id(), otherPaid.payId())).isEmpty();
        assertThat(world.findRefunds.latestForPayId(shop.id(), 999_999_999L)).isEmpty();
    }

    @Test
    void the_latest_refund_shows_its_current_status() {
        Refund refund = world.refund(shop, paid, "10.00");
        world.cancelRefund.cancel(shop.id(), paid.id(), refund.id()).orElseThrow();

        assertThat(world.findRefunds.latestForPayId(shop.id(), paid.payId()).orElseThrow().status())
                .isEqualTo(RefundStatus.CANCELLED);
    }

    @Test
    void the_business_s_refunds_are_listed_newest_first_across_its_payments() {
        Payment second = world.completedPayment(shop, "100.00");
        Refund one = world.refund(shop, paid, "10.00");
        Refund two = world.refund(shop, second, "20.00");
        Refund three = world.refund(shop, paid, "30.00");
        world.refund(other, otherPaid, "40.00");

        Page<Refund> page = world.findRefunds.list(shop.id(), Optional.empty(), first(20));

        assertThat(page.items()).containsExactly(three, two, one);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void the_business_s_refunds_page_through_the_cursor() {
        Refund one = world.refund(shop, paid, "10.00");
        Refund two = world.refund(shop, paid, "20.00");
        Refund three = world.refund(shop, paid, "30.00");

        Page<Refund> firstPage = world.findRefunds.list(shop.id(), Optional.empty(), first(2));
        Page<Refund> secondPage = world.findRefunds.list(shop.id(), Optional.empty(), after(2, firstPage.items().get(1)));

        assertThat(firstPage.items()).containsExactly(three, two);
        assertThat(firstPage.hasMore()).isTrue();
        assertThat(secondPage.items()).containsExactly(one);
        assertThat(secondPage.hasMore()).isFalse();
    }

    @Test
    void the_status_filter_keeps_only_refunds_in_that_status() {
        Refund kept = world.refund(shop, paid, "10.00");
        Refund cancelled = world.refund(shop, paid, "20.00");
        Refund alsoKept = world.refund(shop, paid, "30.00");
        world.cancelRefund.cancel(shop.id(), paid.id(), cancelled.id()).orElseThrow();

        Page<Refund> initiated = world.findRefunds.list(shop.id(), Optional.of(RefundStatus.INITIATED), first(20));
        Page<Refund> gone = world.findRefunds.list(shop.id(), Optional.of(RefundStatus.CANCELLED), first(20));
        Page<Refund> done = world.findRefunds.list(shop.id(), Optional.of(RefundStatus.COMPLETED), first(20));

        assertThat(initiated.items()).containsExactly(alsoKept, kept);
        assertThat(gone.items()).extracting(Refund::id).containsExactly(cancelled.id());
        assertThat(done.items()).isEmpty();
        assertThat(done.hasMore()).isFalse();
    }

    @Test
    void an_unknown_or_foreign_cursor_is_invalid_input_on_starting_after() {
        world.refund(shop, paid, "10.00");
        Refund theirs = world.refund(other, otherPaid, "10.00");

        assertUnknownCursor(() -> world.findRefunds.list(shop.id(), Optional.empty(),
                new PageRequest(20, Optional.of("REF_20260517_NOSUCHREFU"))));
        assertUnknownCursor(() -> world.findRefunds.list(shop.id(), Optional.empty(), after(20, theirs)));
    }

    @Test
    void the_review_queue_holds_every_business_s_waiting_refunds_oldest_first() {
        Business secPaid = world.secPaidBusiness();
        Payment secPaidPayment = world.completedPayment(secPaid, "70.00");
        Refund a = world.refund(other, otherPaid, "10.00");
        world.refund(shop, paid, "10.00");
        Refund b = world.refund(secPaid, secPaidPayment, "70.00");
        Refund c = world.refund(other, otherPaid, "20.00");
        Refund decided = world.refund(other, otherPaid, "30.00");
        world.reviewRefund.approve(decided.id(), REVIEWER).orElseThrow();

        Page<Refund> queue = world.findRefunds.listAll(RefundStatus.PENDING_REVIEW, first(20));

        assertThat(queue.items()).extracting(Refund::id).containsExactly(a.id(), b.id(), c.id());
        assertThat(queue.hasMore()).isFalse();
    }

    @Test
    void the_review_queue_pages_through_the_cursor() {
        Refund a = world.refund(other, otherPaid, "10.00");
        Refund b = world.refund(other, otherPaid, "20.00");
        Refund c = world.refund(other, otherPaid, "30.00");

        Page<Refund> firstPage = world.findRefunds.listAll(RefundStatus.PENDING_REVIEW, first(2));
        Page<Refund> secondPage = world.findRefunds.listAll(RefundStatus.PENDING_REVIEW, after(2, b));

        assertThat(firstPage.items()).containsExactly(a, b);
        assertThat(firstPage.hasMore()).isTrue();
        assertThat(secondPage.items()).containsExactly(c);
        assertThat(secondPage.hasMore()).isFalse();
        assertUnknownCursor(() -> world.findRefunds.listAll(RefundStatus.PENDING_REVIEW,
                new PageRequest(20, Optional.of("REF_20260517_NOSUCHREFU"))));
    }

    @Test
    void reading_refunds_changes_nothing() {
        Refund refund = world.refund(shop, paid, "10.00");
        FakeWorld.State before = world.state();

        world.findRefunds.get(shop.id(), paid.id(), refund.id());
        world.findRefunds.listForPayment(shop.id(), paid.id());
        world.findRefunds.latestForPayId(shop.id(), paid.payId());
        world.findRefunds.list(shop.id(), Optional.empty(), first(20));
        world.findRefunds.listAll(RefundStatus.PENDING_REVIEW, first(20));

        assertThat(world.state()).isEqualTo(before);
    }
}
