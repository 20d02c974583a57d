package dev.refunds.application.settlement;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.fakes.InlineSlots;
import dev.refunds.application.settlement.FakePaymentProcessor.SubmitCall;
import dev.refunds.application.settlement.FakePaymentProcessor.SubmitFailure;
import dev.refunds.application.settlement.PaymentProcessor.ProcessorStatus;
import dev.refunds.application.settlement.SettlementQueue.DueCheck;
import dev.refunds.application.settlement.SettlementService.SettlementSettings;
import dev.refunds.application.view.PaymentView;
import dev.refunds.application.view.RefundEvent;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.RefusalCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.refunds.application.fakes.FakeWorld.REVIEWER;
import static dev.refunds.application.fakes.Decisions.acceptedValueOf;
import static dev.refunds.application.fakes.Decisions.refusalOf;
import static dev.refunds.application.fakes.FakeWorld.bdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettlementServiceTest {
    private static final Duration SEND_LEASE = Duration.ofSeconds(30);
    private static final Duration FIRST_CHECK = Duration.ofSeconds(2);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration CHECK_EVERY_MAX = Duration.ofSeconds(10);
    private static final int BATCH = 5;
    private static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");

    private final FakeWorld world = FakeWorld.withRollback();
    private final FakePaymentProcessor processor = new FakePaymentProcessor(world.rollbackTransactions()::isActive);
    private final SettlementService settlement = new SettlementService(world.settlement, processor, world.payments,
            world.mover, world.transactions, world.clock,
            new SettlementSettings(BATCH, SEND_LEASE, FIRST_CHECK, CHECK_EVERY, CHECK_EVERY_MAX), new InlineSlots(1));
    private final Business shop = world.autoBusiness();
    private final Payment paid = world.completedPayment(shop, "500.00");

    // ---- sending -----------------------------------------------------------------------------------------------

    @Test
    void an_initiated_refund_is_claimed_submitted_once_and_moved_to_processing_with_a_refund_processing_event() {
        Refund refund = world.refund(shop, paid, "200.00");
        Instant now = world.clock.advance(Duration.ofSeconds(1));

        assertThat(settlement.sendDue()).isEqualTo(1);

        assertThat(processor.submitCalls()).containsExactly(new SubmitCall(refund.id(), bdt("200.00")));
        assertThat(world.settlement.isClaimed(refund.id())).isTrue();
        Refund processing = world.storedRefund(refund);
        assertThat(processing.status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(processing.updatedAt()).isEqualTo(now);
        assertThat(processing.initiatedAt()).isEqualTo(refund.initiatedAt());
        assertThat(processing.completedAt()).isEmpty();
        Payment payment = world.storedPayment(paid);
        assertThat(payment.reserved()).as("still in flight").isEqualTo(bdt("200.00"));
        assertThat(payment.refunded()).isEqualTo(bdt("0.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("300.00"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);

        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING);
        RefundEvent event = world.outbox.last();
        assertThat(event.type().wireName()).isEqualTo("refund.processing");
        assertThat(event.occurredAt()).isEqualTo(now);
        assertThat(event.businessId()).isEqualTo(shop.id());
        assertThat(event.refund()).isEqualTo(RefundView.of(processing));
        assertThat(event.payment()).isEqualTo(PaymentView.of(payment));
    }

    @Test
    void a_sent_refund_is_not_sent_again_and_its_first_check_is_due_first_check_after_later() {
        Refund refund = world.refund(shop, paid, "200.00");
        Instant sentAt = world.clock.advance(Duration.ofSeconds(1));
        settlement.sendDue();

        assertThat(settlement.sendDue()).isZero();
        world.clock.advance(SEND_LEASE.plusMinutes(5));
        assertThat(settlement.sendDue()).as("a PROCESSING refund is never sent again, lease or not").isZero();

        assertThat(processor.submittedIds()).containsExactly(refund.id());
        assertThat(nextCheckAt(refund)).isEqualTo(sentAt.plus(FIRST_CHECK));
    }

    @Test
    void the_processor_is_never_called_inside_a_transaction() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        processor.lose(refund.id());
        world.clock.advance(FIRST_CHECK);
        settlement.checkDue();   // Unknown: sent again
        world.clock.advance(CHECK_EVERY_MAX);
        processor.answer(refund.id(), new ProcessorStatus.Succeeded());
        settlement.checkDue();

        assertThat(processor.submitCalls()).hasSize(2);
        assertThat(processor.statusCalls()).hasSize(2);
        assertThat(processor.callsInsideTransactions()).as("processor calls made with a transaction open").isZero();
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
    }

    @Test
    void a_lost_commit_of_the_processing_write_runs_the_write_again_but_not_the_processor_call() {
        Refund refund = world.refund(shop, paid, "200.00");
        // The claim commits first; then the PROCESSING write loses its commit (a deadlock) and is run again.
        PaymentProcessor losingTheNextCommit = new PaymentProcessor() {
            @Override
            public String submit(RefundId refundId, Money amount) {
                String reference = processor.submit(refundId, amount);
                world.rollbackTransactions().loseNextCommits(1);
                return reference;
            }

            @Override
            public ProcessorStatus status(RefundId refundId) {
                return processor.status(refundId);
            }

            @Override
            public List<SettledRefund> settledAfter(SettlementPosition after, Instant until, int max) {
                return processor.settledAfter(after, until, max);
            }
        };
        SettlementService settlementLosingTheSecondCommit = new SettlementService(world.settlement,
                losingTheNextCommit, world.payments, world.mover, world.transactions, world.clock,
                new SettlementSettings(BATCH, SEND_LEASE, FIRST_CHECK, CHECK_EVERY, CHECK_EVERY_MAX),
                new InlineSlots(1));

        assertThat(settlementLosingTheSecondCommit.sendDue()).isEqualTo(1);

        assertThat(world.rollbackTransactions().rolledBack()).isEqualTo(1);
        assertThat(processor.submittedIds()).containsExactly(refund.id());
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING);
    }

    @Test
    void due_refunds_are_sent_oldest_first_at_most_a_batch_per_pass() {
        List<Refund> refunds = new ArrayList<>();
        for (int i = 0; i < BATCH + 2; i++) {
            refunds.add(world.refund(shop, paid, "10.0" + i));
        }

        assertThat(settlement.sendDue()).isEqualTo(BATCH);
        assertThat(processor.submittedIds()).containsExactlyElementsOf(
                refunds.subList(0, BATCH).stream().map(Refund::id).toList());
        assertThat(settlement.sendDue()).isEqualTo(2);
        assertThat(processor.submittedIds()).containsExactlyElementsOf(refunds.stream().map(Refund::id).toList());
        assertThat(refunds).allSatisfy(refund ->
                assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING));
    }

    @Test
    void one_refund_the_processor_refuses_to_take_does_not_stop_the_others_of_the_pass() {
        Refund first = world.refund(shop, paid, "10.00");
        Refund second = world.refund(shop, paid, "20.00");
        processor.failNextSubmits(SubmitFailure.BEFORE_SUBMITTING);

        assertThat(settlement.sendDue()).isEqualTo(1);

        assertThat(world.storedRefund(first).status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.storedRefund(second).status()).isEqualTo(RefundStatus.PROCESSING);
    }

    // ---- the processor fails while sending ---------------------------------------------------------------------

    @Test
    void a_processor_that_fails_before_taking_the_refund_leaves_it_claimed_and_initiated_until_the_lease_runs_out() {
        Refund refund = world.refund(shop, paid, "200.00");
        processor.failNextSubmits(SubmitFailure.BEFORE_SUBMITTING);
        FakeWorld.State before = world.state();

        assertThat(settlement.sendDue()).isZero();

        assertThat(world.state()).as("nothing written but the claim").isEqualTo(before);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.settlement.isClaimed(refund.id())).isTrue();
        assertThat(processor.received()).isEmpty();

        world.clock.advance(SEND_LEASE);
        assertThat(settlement.sendDue()).as("the lease has not run out yet").isZero();
        assertThat(processor.submitCalls()).hasSize(1);

        world.clock.advance(Duration.ofMillis(1));
        assertThat(settlement.sendDue()).isEqualTo(1);

        assertThat(processor.submitCalls()).containsExactly(new SubmitCall(refund.id(), bdt("200.00")),
                new SubmitCall(refund.id(), bdt("200.00")));
        assertThat(processor.received()).containsOnlyKeys(refund.id());
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING);
    }

    @Test
    void a_worker_that_dies_after_the_processor_took_the_refund_sends_it_again_with_the_same_id_after_the_lease() {
        Refund refund = world.refund(shop, paid, "200.00");
        processor.failNextSubmits(SubmitFailure.AFTER_SUBMITTING);

        assertThat(settlement.sendDue()).isZero();

        assertThat(processor.received()).containsOnlyKeys(refund.id());
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.settlement.isClaimed(refund.id())).isTrue();
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED);
        assertThat(world.settlement.dueForSending(world.clock.instant(), 10)).isEmpty();

        world.clock.advance(SEND_LEASE.plusSeconds(1));
        assertThat(world.settlement.dueForSending(world.clock.instant(), 10)).extracting(Refund::id)
                .containsExactly(refund.id());
        assertThat(settlement.sendDue()).isEqualTo(1);

        assertThat(processor.submittedIds()).containsExactly(refund.id(), refund.id());
        assertThat(processor.received()).as("one refund at the processor").containsOnlyKeys(refund.id());
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);

        world.clock.advance(FIRST_CHECK);
        processor.answer(refund.id(), new ProcessorStatus.Succeeded());
        assertThat(settlement.checkDue()).isEqualTo(1);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(world.storedPayment(paid).refunded()).isEqualTo(bdt("200.00"));
    }

    // ---- cancelling and sending --------------------------------------------------------------------------------

    @Test
    void a_refund_claimed_for_sending_cannot_be_cancelled_even_while_still_initiated() {
        Refund refund = world.refund(shop, paid, "200.00");
        processor.failNextSubmits(SubmitFailure.AFTER_SUBMITTING);
        settlement.sendDue();
        FakeWorld.State before = world.state();

        Decision<RefundChange> cancelled = world.cancelRefund.cancel(shop.id(), paid.id(), refund.id());

        assertThat(refusalOf(cancelled).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.state()).isEqualTo(before);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.storedPayment(paid).reserved()).isEqualTo(bdt("200.00"));
    }

    @Test
    void a_refund_a_worker_claims_while_the_merchant_cancels_is_refused_as_an_invalid_state() {
        Refund refund = world.refund(shop, paid, "200.00");
        processor.failNextSubmits(SubmitFailure.AFTER_SUBMITTING);
        // The worker's claim commits while the cancel waits for the payment's lock.
        world.payments.beforeNextLock(settlement::sendDue);

        Decision<RefundChange> cancelled = world.cancelRefund.cancel(shop.id(), paid.id(), refund.id());

        assertThat(refusalOf(cancelled).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(processor.received()).containsOnlyKeys(refund.id());
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.storedPayment(paid).reserved()).isEqualTo(bdt("200.00"));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED);
    }

    @Test
    void a_claim_whose_lease_ran_out_still_forbids_cancelling() {
        Refund refund = world.refund(shop, paid, "200.00");
        processor.failNextSubmits(SubmitFailure.AFTER_SUBMITTING);
        settlement.sendDue();
        world.clock.advance(SEND_LEASE.multipliedBy(3));

        Decision<RefundChange> cancelled = world.cancelRefund.cancel(shop.id(), paid.id(), refund.id());

        assertThat(refusalOf(cancelled).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.INITIATED);
    }

    @Test
    void an_initiated_refund_not_yet_claimed_can_be_cancelled_and_is_then_never_sent() {
        Refund refund = world.refund(shop, paid, "200.00");

        RefundChange change = acceptedValueOf(world.cancelRefund.cancel(shop.id(), paid.id(), refund.id()));

        assertThat(change.refund().status()).isEqualTo(RefundStatus.CANCELLED);
        assertThat(world.settlement.isClaimed(refund.id())).isFalse();
        assertThat(settlement.sendDue()).isZero();
        world.clock.advance(SEND_LEASE.multipliedBy(2));
        assertThat(settlement.sendDue()).isZero();
        assertThat(settlement.checkDue()).isZero();
        assertThat(processor.submitCalls()).isEmpty();
        assertThat(world.storedPayment(paid).refundable()).isEqualTo(bdt("500.00"));
    }

    @Test
    void a_refund_waiting_for_review_is_never_sent_and_is_sent_once_approved() {
        Business manual = world.manualBusiness();
        Payment payment = world.completedPayment(manual, "80.00");
        Refund waiting = world.refund(manual, payment, "30.00");

        assertThat(settlement.sendDue()).isZero();
        world.clock.advance(SEND_LEASE.multipliedBy(2));
        assertThat(settlement.sendDue()).isZero();
        assertThat(processor.submitCalls()).isEmpty();
        assertThat(world.settlement.isClaimed(waiting.id())).isFalse();
        assertThat(world.storedRefund(waiting).status()).isEqualTo(RefundStatus.PENDING_REVIEW);

        world.reviewRefund.approve(waiting.id(), REVIEWER).orElseThrow();
        assertThat(settlement.sendDue()).isEqualTo(1);

        assertThat(processor.submittedIds()).containsExactly(waiting.id());
        assertThat(world.storedRefund(waiting).status()).isEqualTo(RefundStatus.PROCESSING);
    }

    @Test
    void a_rejected_refund_is_never_sent() {
        Business manual = world.manualBusiness();
        Payment payment = world.completedPayment(manual, "80.00");
        Refund waiting = world.refund(manual, payment, "30.00");
        world.reviewRefund.reject(waiting.id(), Optional.of("no"), REVIEWER).orElseThrow();

        assertThat(settlement.sendDue()).isZero();
        assertThat(processor.submitCalls()).isEmpty();
    }

    // ---- checking ----------------------------------------------------------------------------------------------

    @Test
    void a_check_answered_succeeded_completes_a_partial_refund_and_grows_the_payments_refund_total() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        Instant checkedAt = world.clock.advance(FIRST_CHECK);
        processor.answer(refund.id(), new ProcessorStatus.Succeeded());

        assertThat(settlement.checkDue()).isEqualTo(1);

        Refund completed = world.storedRefund(refund);
        assertThat(completed.status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(completed.completedAt()).contains(checkedAt);
        assertThat(completed.failureReason()).isEmpty();
        Payment payment = world.storedPayment(paid);
        assertThat(payment.refunded()).isEqualTo(bdt("200.00"));
        assertThat(payment.reserved()).isEqualTo(bdt("0.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("300.00"));
        assertThat(payment.status()).as("a partial refund leaves the payment COMPLETED")
                .isEqualTo(PaymentStatus.COMPLETED);

        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING, RefundEventType.PAYMENT_REFUNDED);
        RefundEvent event = world.outbox.last();
        assertThat(event.type().wireName()).isEqualTo("payment.refunded");
        assertThat(event.occurredAt()).isEqualTo(checkedAt);
        assertThat(event.refund()).isEqualTo(RefundView.of(completed));
        assertThat(event.payment()).isEqualTo(PaymentView.of(payment));
        assertThat(event.payment().refundTotal()).isEqualTo("200.00");

        world.clock.advance(CHECK_EVERY_MAX.multipliedBy(2));
        assertThat(settlement.checkDue()).as("a completed refund is asked about again: it may come back").isOne();
        assertThat(processor.statusCalls()).hasSize(2);
        assertThat(world.outbox.types()).as("the same answer again writes nothing").hasSize(3);
        assertThat(world.storedPayment(paid).refunded()).isEqualTo(bdt("200.00"));
    }

    @Test
    void two_partial_refunds_that_succeed_add_up_in_the_refund_total() {
        Refund first = world.refund(shop, paid, "200.00");
        Refund second = world.refund(shop, paid, "100.00");
        settlement.sendDue();
        world.clock.advance(FIRST_CHECK);
        processor.answer(first.id(), new ProcessorStatus.Succeeded());
        processor.answer(second.id(), new ProcessorStatus.Succeeded());

        assertThat(settlement.checkDue()).isEqualTo(2);

        Payment payment = world.storedPayment(paid);
        assertThat(payment.refunded()).isEqualTo(bdt("300.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("200.00"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void a_full_refund_that_succeeds_moves_the_payment_to_refunded() {
        RefundChange requested = world.requestRefund.handle(FakeWorld.fullRefundCommand(shop, paid)).orElseThrow();
        Refund refund = requested.refund();
        settlement.sendDue();
        world.clock.advance(FIRST_CHECK);
        processor.answer(refund.id(), new ProcessorStatus.Succeeded());

        settlement.checkDue();

        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
        Payment payment = world.storedPayment(paid);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.refunded()).isEqualTo(bdt("500.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("0.00"));
        RefundEvent event = world.outbox.last();
        assertThat(event.type()).isEqualTo(RefundEventType.PAYMENT_REFUNDED);
        assertThat(event.payment().status()).isEqualTo("REFUNDED");
        assertThat(event.payment().refundTotal()).isEqualTo("500.00");
    }

    @Test
    void partial_refunds_that_together_reach_the_amount_move_the_payment_to_refunded() {
        Refund first = world.refund(shop, paid, "300.00");
        Refund rest = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        world.clock.advance(FIRST_CHECK);
        processor.answer(first.id(), new ProcessorStatus.Succeeded());
        settlement.checkDue();
        assertThat(world.storedPayment(paid).status()).isEqualTo(PaymentStatus.COMPLETED);

        world.clock.advance(CHECK_EVERY_MAX);
        processor.answer(rest.id(), new ProcessorStatus.Succeeded());
        settlement.checkDue();

        assertThat(world.storedPayment(paid).status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(world.storedPayment(paid).refunded()).isEqualTo(bdt("500.00"));
    }

    @Test
    void a_check_answered_failed_fails_the_refund_with_its_reason_and_releases_its_amount() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        Instant checkedAt = world.clock.advance(FIRST_CHECK);
        processor.answer(refund.id(), new ProcessorStatus.Failed(FailureCode.CARD_CLOSED, "card account closed"));

        assertThat(settlement.checkDue()).isEqualTo(1);

        Refund failed = world.storedRefund(refund);
        assertThat(failed.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(failed.failureReason()).contains("card account closed");
        assertThat(failed.failureCode()).contains(FailureCode.CARD_CLOSED);
        assertThat(failed.processorReference()).as("kept from PROCESSING")
                .contains(FakePaymentProcessor.referenceOf(refund.id()));
        assertThat(failed.completedAt()).isEmpty();
        assertThat(failed.updatedAt()).isEqualTo(checkedAt);
        Payment payment = world.storedPayment(paid);
        assertThat(payment.reserved()).isEqualTo(bdt("0.00"));
        assertThat(payment.refunded()).isEqualTo(bdt("0.00"));
        assertThat(payment.refundable()).as("the amount is released").isEqualTo(bdt("500.00"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);

        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING, RefundEventType.PAYMENT_REFUND_FAILED);
        RefundEvent event = world.outbox.last();
        assertThat(event.type().wireName()).isEqualTo("payment.refund_failed");
        assertThat(event.refund()).isEqualTo(RefundView.of(failed));
        assertThat(event.payment()).isEqualTo(PaymentView.of(payment));

        world.clock.advance(CHECK_EVERY_MAX.multipliedBy(2));
        assertThat(settlement.checkDue()).isZero();
        assertThat(settlement.sendDue()).isZero();
        assertThat(processor.submitCalls()).hasSize(1);
    }

    @Test
    void a_check_is_not_made_before_it_is_due() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        world.clock.advance(FIRST_CHECK.minusMillis(1));

        assertThat(settlement.checkDue()).isZero();

        assertThat(processor.statusCalls()).isEmpty();
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);
    }

    @Test
    void a_check_answered_pending_leaves_the_refund_processing_and_asks_again_later_and_less_often() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        world.clock.advance(FIRST_CHECK);
        FakeWorld.State before = world.state();

        assertThat(settlement.checkDue()).isEqualTo(1);

        assertThat(world.state()).as("a Pending answer changes no refund, payment or event").isEqualTo(before);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(settlement.checkDue()).as("not asked again at once").isZero();
        assertThat(processor.statusCalls()).containsExactly(refund.id());

        List<Duration> gaps = pendingCheckGaps(refund, 6);
        assertThat(gaps).allSatisfy(gap -> assertThat(gap).isPositive().isLessThanOrEqualTo(CHECK_EVERY_MAX));
        for (int i = 1; i < gaps.size(); i++) {
            assertThat(gaps.get(i)).as("gap %s of %s", i, gaps).isGreaterThanOrEqualTo(gaps.get(i - 1));
        }
        assertThat(gaps.get(gaps.size() - 1)).as("the gap stops growing at check-every-max")
                .isEqualTo(CHECK_EVERY_MAX);
        assertThat(processor.statusCalls()).hasSize(7);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);

        processor.answer(refund.id(), new ProcessorStatus.Succeeded());
        world.clock.advance(CHECK_EVERY_MAX);
        assertThat(settlement.checkDue()).isEqualTo(1);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
    }

    /** "Doubles from checkEvery up to checkEveryMax" (SettlementSettings): 1 s, 2 s, 4 s, 8 s, then 10 s. */
    @Test
    void the_first_check_after_a_pending_answer_comes_check_every_later_and_the_gap_doubles_up_to_the_maximum() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        world.clock.advance(FIRST_CHECK);
        settlement.checkDue();

        List<Duration> gaps = pendingCheckGaps(refund, 5);

        assertThat(gaps).containsExactly(CHECK_EVERY, CHECK_EVERY.multipliedBy(2), CHECK_EVERY.multipliedBy(4),
                CHECK_EVERY.multipliedBy(8), CHECK_EVERY_MAX, CHECK_EVERY_MAX);
    }

    @Test
    void a_check_answered_unknown_sends_the_refund_again_with_the_same_id_and_amount() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        processor.lose(refund.id());
        world.clock.advance(FIRST_CHECK);

        assertThat(settlement.checkDue()).isEqualTo(1);

        assertThat(processor.submitCalls()).containsExactly(new SubmitCall(refund.id(), bdt("200.00")),
                new SubmitCall(refund.id(), bdt("200.00")));
        assertThat(processor.received()).containsOnlyKeys(refund.id());
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING);

        world.clock.advance(CHECK_EVERY_MAX);
        processor.answer(refund.id(), new ProcessorStatus.Succeeded());
        assertThat(settlement.checkDue()).isEqualTo(1);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(world.storedPayment(paid).refunded()).isEqualTo(bdt("200.00"));
    }

    @Test
    void a_failed_status_call_leaves_the_refund_processing_and_it_is_asked_again_at_its_next_check() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        world.clock.advance(FIRST_CHECK);
        processor.failNextStatusCalls(1);
        processor.answer(refund.id(), new ProcessorStatus.Succeeded());

        assertThat(settlement.checkDue()).isZero();

        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(settlement.checkDue()).as("its next check is later").isZero();
        world.clock.advance(CHECK_EVERY_MAX);
        assertThat(settlement.checkDue()).isEqualTo(1);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(processor.statusCalls()).containsExactly(refund.id(), refund.id());
    }

    @Test
    void the_settings_refuse_a_batch_size_out_of_bounds() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new SettlementSettings(0, SEND_LEASE, FIRST_CHECK, CHECK_EVERY, CHECK_EVERY_MAX));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new SettlementSettings(1001, SEND_LEASE, FIRST_CHECK, CHECK_EVERY, CHECK_EVERY_MAX));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Instant nextCheckAt(Refund refund) {
        return world.settlement.dueForCheck(END_OF_TIME, 1000).stream()
                .filter(due -> due.refund().id().equals(refund.id()))
                .map(DueCheck::dueAt)
                .findFirst().orElseThrow(() -> new AssertionError("no check scheduled for " + refund.id()));
    }

    /**
     * Answers Pending {@code checks} more times, each exactly when the check falls due, and returns the gaps between
     * each check and the next one scheduled (one more gap than checks: the one the first call starts from too).
     */
    private List<Duration> pendingCheckGaps(Refund refund, int checks) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 0; i <= checks; i++) {
            Instant now = world.clock.instant();
            Instant next = nextCheckAt(refund);
            gaps.add(Duration.between(now, next));
            if (i == checks) {
                break;
            }
            world.clock.set(next.minusMillis(1));
            assertThat(settlement.checkDue()).as("check %s before it is due", i).isZero();
            world.clock.set(next);
            assertThat(settlement.checkDue()).as("check %s when due", i).isEqualTo(1);
        }
        return gaps;
    }
}
