package dev.refunds.application.refund;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.shared.GroupCommit;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.RefundChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refund requests on one payment decided in one group-commit batch: the payment is locked once for the batch, each
 * request decides on what the earlier ones left, and the refunds, the payment and the events are written at the
 * batch's end, in arrival order; a batch that fails has written nothing, and each request then runs alone.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GroupedRefundRequestsTest {
    private final FakeWorld world = FakeWorld.direct();
    private final HeldFirstTransaction transactions = new HeldFirstTransaction(world.transactions);
    private final GroupCommit commits = new GroupCommit(transactions, 64);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Business shop = world.autoBusiness();
    private final Payment payment = world.completedPayment(shop, "100.00");
    private final List<Integer> refundsSeenDuringTheBatch = Collections.synchronizedList(new ArrayList<>());

    @Test
    void a_batch_locks_the_payment_once_decides_in_arrival_order_and_writes_its_rows_at_its_end() throws Exception {
        Future<Decision<RefundChange>> first = threads.submit(() -> request("40.00", () -> alone()));
        transactions.firstStarted.await();
        List<Future<Decision<RefundChange>>> queued = queue(List.of("30.00", "20.00", "50.00"));
        int locksBefore = world.payments.locked().size();
        transactions.release.countDown();

        assertThat(first.get().isAccepted()).isTrue();
        assertThat(queued.get(0).get().isAccepted()).as("30.00 of the 60.00 left").isTrue();
        assertThat(queued.get(1).get().isAccepted()).as("20.00 of the 30.00 left").isTrue();
        assertThat(queued.get(2).get().isAccepted()).as("50.00 of the 10.00 left").isFalse();
        assertThat(transactions.started).as("the first request's batch, then the three queued behind it").hasValue(2);
        assertThat(world.payments.locked().size() - locksBefore).as("locks of the payment, one a batch").isEqualTo(2);
        assertThat(refundsSeenDuringTheBatch).as("refunds stored while each batch ran: none, then the first one")
                .containsExactly(0, 1, 1, 1);
        assertThat(world.refunds.all()).extracting(refund -> refund.amount().toPlainString())
                .containsExactly("40.00", "30.00", "20.00");
        assertThat(world.outbox.events()).extracting(event -> event.subject().id())
                .containsExactlyElementsOf(world.refunds.all().stream().map(refund -> refund.id().value()).toList());
        assertThat(world.storedPayment(payment).refundable()).isEqualTo(FakeWorld.bdt("10.00"));
    }

    @Test
    void a_batch_whose_last_request_fails_has_written_nothing_and_each_request_runs_alone() throws Exception {
        Future<Decision<RefundChange>> first = threads.submit(() -> request("40.00", () -> alone()));
        transactions.firstStarted.await();
        AtomicInteger aloneRuns = new AtomicInteger();
        Future<String> accepted = threads.submit(() -> commits.run(payment.id(), () -> {
            world.requestRefund.handle(FakeWorld.refundCommand(shop, payment, "30.00"));
            return "together";
        }, () -> "alone " + aloneRuns.incrementAndGet()));
        awaitQueued(1);
        Future<String> failing = threads.submit(() -> commits.run(payment.id(), () -> {
            world.requestRefund.handle(FakeWorld.refundCommand(shop, payment, "20.00"));
            throw new IllegalStateException("this request fails after deciding");
        }, () -> "alone " + aloneRuns.incrementAndGet()));
        awaitQueued(2);
        transactions.release.countDown();

        assertThat(first.get().isAccepted()).isTrue();
        assertThat(List.of(accepted.get(), failing.get())).allMatch(answer -> answer.startsWith("alone"));
        assertThat(world.refunds.all()).as("only the first batch's refund").hasSize(1);
        assertThat(world.outbox.events()).hasSize(1);
        assertThat(world.storedPayment(payment).refundable()).isEqualTo(FakeWorld.bdt("60.00"));
    }

    private Decision<RefundChange> request(String amount, Supplier<Decision<RefundChange>> alone) {
        return commits.run(payment.id(), () -> {
            Decision<RefundChange> decision = world.requestRefund.handle(FakeWorld.refundCommand(shop, payment,
                    amount));
            refundsSeenDuringTheBatch.add(world.refunds.all().size());
            return decision;
        }, alone);
    }

    private static Decision<RefundChange> alone() {
        throw new AssertionError("no request of these batches runs alone");
    }

    private List<Future<Decision<RefundChange>>> queue(List<String> amounts) throws InterruptedException {
        List<Future<Decision<RefundChange>>> queued = new ArrayList<>();
        for (String amount : amounts) {
            queued.add(threads.submit(() -> request(amount, GroupedRefundRequestsTest::alone)));
            awaitQueued(queued.size());
        }
        return queued;
    }

    /** Waits until {@code count} requests queue behind the held first one (each parks in the group's queue). */
    private void awaitQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waitingThreads() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(20);   // the thread parks right after it queued
    }

    private int waitingThreads() {
        return (int) Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getState() == Thread.State.WAITING)
                .filter(entry -> java.util.Arrays.stream(entry.getValue())
                        .anyMatch(frame -> frame.getClassName().equals(GroupCommit.class.getName())))
                .count();
    }

    /** The world's transactions, except that the first one waits for {@link #release} before it starts. */
    private static final class HeldFirstTransaction implements Transactions {
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger started = new AtomicInteger();
        private final Transactions world;

        HeldFirstTransaction(Transactions world) {
            this.world = world;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (started.incrementAndGet() == 1) {
                firstStarted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return world.inTransaction(work);
        }
    }
}
