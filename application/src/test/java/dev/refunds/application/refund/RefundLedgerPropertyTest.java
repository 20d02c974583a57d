package dev.refunds.application.refund;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.view.PaymentView;
import dev.refunds.application.view.RefundEvent;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.PaymentType;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.RefusalCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.refunds.application.fakes.Decisions.refusalOf;
import static dev.refunds.application.fakes.FakeWorld.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any sequence of requests, cancels, reviews and settlements on one payment keeps the payment's totals, the refund
 * rows and the outbox in step: one event per accepted change, none per refusal, and every event's snapshots equal
 * what was saved. An amount that is not one is refused like any other rule, with nothing saved.
 */
class RefundLedgerPropertyTest {

    sealed interface Step permits Request, Move {
    }

    enum AmountForm { OMITTED, VALID, UNREADABLE }

    /** {@code UNREADABLE}: three decimals for BDT, or zero; never accepted, never saved, never thrown. */
    record Request(long amountMinor, AmountForm form) implements Step {
        String text() {
            return form == AmountForm.UNREADABLE
                    ? (amountMinor % 4 == 0 ? "0.00" : BigDecimal.valueOf(amountMinor, 3).toPlainString())
                    : new Money(FakeWorld.BDT, amountMinor).toPlainString();
        }
    }

    enum Action { CANCEL, APPROVE, REJECT, PROCESS, COMPLETE, FAIL }

    record Move(Action action, int refundIndex) implements Step {
    }

    @Property(tries = 300)
    void refunds_the_payment_and_the_outbox_always_agree(@ForAll @LongRange(min = 1, max = 100_000) long paidMinor,
                                                          @ForAll("policies") RefundPolicy policy,
                                                          @ForAll("steps") List<Step> steps) {
        FakeWorld world = FakeWorld.direct();
        Business business = world.business(policy);
        Payment payment = world.complete(world.payment(business, new Money(FakeWorld.BDT, paidMinor),
                PaymentType.LINK));
        int accepted = 0;

        for (Step step : steps) {
            FakeWorld.State before = world.state();
            Optional<Decision<RefundChange>> decision = apply(world, business, payment, step);
            if (decision.isEmpty()) {
                continue;
            }
            if (step instanceof Request request && request.form() == AmountForm.UNREADABLE) {
                assertThat(refusalOf(decision.get()).code()).as("a blocker, else the amount").isIn(
                        RefusalCode.INVALID_AMOUNT, RefusalCode.REFUND_ALREADY_REQUESTED,
                        RefusalCode.PAYMENT_NOT_REFUNDABLE);
                assertThat(world.state()).as("nothing saved").isEqualTo(before);
            }
            if (decision.get().isAccepted()) {
                accepted++;
                RefundChange change = decision.get().orElseThrow();
                RefundEvent event = world.outbox.last();
                assertThat(event.refund()).isEqualTo(RefundView.of(world.storedRefund(change.refund())));
                assertThat(event.payment()).isEqualTo(PaymentView.of(world.storedPayment(payment)));
            }
            assertThat(world.outbox.events()).hasSize(accepted);
            assertLedgerAgrees(world, business, payment);
        }
    }

    private static Optional<Decision<RefundChange>> apply(FakeWorld world, Business business, Payment payment,
                                                          Step step) {
        if (step instanceof Request request) {
            Optional<RequestedAmount> amount = request.form() == AmountForm.OMITTED ? Optional.empty()
                    : Optional.of(RequestedAmount.text(request.text()));
            return Optional.of(world.requestRefund.handle(new RequestRefundCommand(business,
                    PaymentRef.of(payment.id()), amount, false, FakeWorld.REASON, Optional.empty())));
        }
        Move move = (Move) step;
        List<Refund> refunds = world.refunds.listForPayment(business.id(), payment.id());
        if (refunds.isEmpty()) {
            return Optional.empty();
        }
        Refund refund = refunds.get(move.refundIndex() % refunds.size());
        return Optional.of(switch (move.action()) {
            case CANCEL -> world.cancelRefund.cancel(business.id(), payment.id(), refund.id());
            case APPROVE -> world.reviewRefund.approve(refund.id(), REVIEWER);
            case REJECT -> world.reviewRefund.reject(refund.id(), Optional.of("not eligible"), REVIEWER);
            case PROCESS -> world.move(refund, RefundStatus.PROCESSING, Optional.empty());
            case COMPLETE -> world.move(refund, RefundStatus.COMPLETED, Optional.empty());
            case FAIL -> world.move(refund, RefundStatus.FAILED, Optional.of("declined"));
        });
    }

    private static void assertLedgerAgrees(FakeWorld world, Business business, Payment original) {
        Payment payment = world.storedPayment(original);
        List<Refund> refunds = world.refunds.listForPayment(business.id(), payment.id());
        assertThat(payment.reserved()).isEqualTo(sum(refunds, refund -> refund.status().reservesAmount()));
        assertThat(payment.refunded()).isEqualTo(sum(refunds, refund -> refund.status() == RefundStatus.COMPLETED));
        assertThat(payment.countingRefunds())
                .isEqualTo((int) refunds.stream().filter(refund -> refund.status().counts()).count());
        assertThat(payment.status() == PaymentStatus.REFUNDED).isEqualTo(payment.refunded().equals(payment.amount()));
        assertThat(payment.refundable()).isEqualTo(payment.status() == PaymentStatus.COMPLETED
                ? payment.amount().minus(payment.refunded()).minus(payment.reserved())
                : Money.zero(FakeWorld.BDT));
        if (business.policy().refundMode() == RefundMode.SINGLE) {
            assertThat(payment.countingRefunds()).isLessThanOrEqualTo(1);
        }
    }

    private static Money sum(List<Refund> refunds, Predicate<Refund> which) {
        return refunds.stream().filter(which).map(Refund::amount)
                .reduce(Money.zero(FakeWorld.BDT), Money::plus);
    }

    @Provide
    Arbitrary<RefundPolicy> policies() {
        Arbitrary<Optional<BigDecimal>> reviewAbove = Arbitraries.longs().between(0, 1_000)
                .map(units -> BigDecimal.valueOf(units, 0)).optional(0.5);
        return Combinators.combine(Arbitraries.of(ReviewMode.class), Arbitraries.of(RefundMode.class), reviewAbove)
                .as(RefundPolicy::new);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<AmountForm> form = Arbitraries.frequency(Tuple.of(1, AmountForm.OMITTED),
                Tuple.of(4, AmountForm.VALID), Tuple.of(1, AmountForm.UNREADABLE));
        Arbitrary<Step> request = Combinators.combine(Arbitraries.longs().between(1, 120_000), form)
                .as((amount, chosen) -> (Step) new Request(amount, chosen));
        Arbitrary<Step> move = Combinators.combine(Arbitraries.of(Action.class), Arbitraries.integers().between(0, 9))
                .as((action, index) -> (Step) new Move(action, index));
        return Arbitraries.frequencyOf(Tuple.of(2, request), Tuple.of(3, move))
                .list().ofMaxSize(30);
    }
}
