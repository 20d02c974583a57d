package dev.refunds.bootstrap.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.refund.RefundMover;
import dev.refunds.application.settlement.PaymentProcessor;
import dev.refunds.application.settlement.SettlementQueue;
import dev.refunds.application.settlement.SettlementService.SettlementSettings;
import dev.refunds.application.settlement.SettlementService;
import dev.refunds.application.shared.BoundedExecutor;
import dev.refunds.application.shared.Transactions;
import dev.refunds.bootstrap.WorkerPool;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.refunds.bootstrap.settlement.Settlements.cancel;
import static dev.refunds.bootstrap.settlement.Settlements.claimed;
import static dev.refunds.bootstrap.settlement.Settlements.outboxTypes;
import static dev.refunds.bootstrap.settlement.Settlements.paidPayment;
import static dev.refunds.bootstrap.settlement.Settlements.payment;
import static dev.refunds.bootstrap.settlement.Settlements.refund;
import static dev.refunds.bootstrap.settlement.Settlements.requestRefund;
import static dev.refunds.bootstrap.settlement.Settlements.sandboxSubmitCalls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker killed between the processor call and its commit: the refund stays {@code INITIATED} and claimed (so the
 * merchant can no longer cancel it), and once the send lease runs out a normal pass sends it again under the same
 * id, so the processor holds one refund that was asked for twice. The passes are {@link SettlementService}s built
 * here from the context's own beans, over a queue that only shows this test's refunds (MariaDB is shared, and the
 * context's own worker stays off). The same passes also spread one batch over several workers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 40, unit = TimeUnit.SECONDS)
@OnH2AndMariaDb
class SettlementCrashTest {
    private static final Duration SEND_LEASE = Duration.ofSeconds(2);

    private RunningService service;
    private JdbcSettings db;
    private Api api;
    private WorkerPool oneWorker;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    @BeforeParameterizedClassInvocation
    void startServiceWithItsWorkerOff() {
        oneWorker = new WorkerPool("test-settlement", "workers", 1, 1);
        db = backend().newDatabase();
        service = RunningService.start(db, Map.of("refunds.settlement.enabled", false,
                "refunds.settlement.send-lease", SEND_LEASE.toMillis() + "ms", "refunds.sandbox.settle-delay", "0s"));
        api = service.api();
    }

    @AfterParameterizedClassInvocation
    void stopService() {
        oneWorker.close();
        if (service != null) {
            service.close();
            service = null;
        }
    }

    /** The processor answers, then the worker dies before it can record the answer. */
    private static PaymentProcessor killedAfterTheCall(PaymentProcessor real) {
        return new PaymentProcessor() {
            @Override
            public String submit(RefundId refundId, Money amount) {
                real.submit(refundId, amount);
                throw new IllegalStateException("worker killed after the processor took " + refundId);
            }

            @Override
            public ProcessorStatus status(RefundId refundId) {
                return real.status(refundId);
            }

            @Override
            public List<SettledRefund> settledAfter(SettlementPosition after, Instant until, int max) {
                return real.settledAfter(after, until, max);
            }
        };
    }

    /** The connection to the processor breaks before the request goes out. */
    private static PaymentProcessor failingBeforeTheCall(PaymentProcessor real) {
        return new PaymentProcessor() {
            @Override
            public String submit(RefundId refundId, Money amount) {
                throw new IllegalStateException("connection refused before " + refundId + " was sent");
            }

            @Override
            public ProcessorStatus status(RefundId refundId) {
                return real.status(refundId);
            }

            @Override
            public List<SettledRefund> settledAfter(SettlementPosition after, Instant until, int max) {
                return real.settledAfter(after, until, max);
            }
        };
    }

    private SettlementService settlement(PaymentProcessor processor, Set<String> onlyRefunds) {
        return settlement(processor, onlyRefunds, () -> { });
    }

    private SettlementService settlement(PaymentProcessor processor, Set<String> onlyRefunds, Runnable beforeClaim) {
        return settlement(processor, onlyRefunds, beforeClaim, oneWorker);
    }

    private SettlementService settlement(PaymentProcessor processor, Set<String> onlyRefunds, Runnable beforeClaim,
                                         BoundedExecutor workers) {
        return new SettlementService(new OnlyTheseRefunds(service.bean(SettlementQueue.class), onlyRefunds,
                beforeClaim),
                processor, service.bean(PaymentRepository.class), service.bean(RefundMover.class),
                service.bean(Transactions.class), service.bean(Clock.class),
                new SettlementSettings(50, SEND_LEASE, Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(1)),
                workers);
    }

    @Test
    void a_batch_is_sent_by_several_workers_at_once_and_each_refund_reaches_the_processor_once() throws Exception {
        int workers = 4;
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        List<String> paymentIds = new ArrayList<>();
        List<String> refundIds = new ArrayList<>();
        for (int p = 0; p < workers; p++) {
            String paymentId = paidPayment(api, shop, "100.00", "BDT");
            paymentIds.add(paymentId);
            refundIds.add(requestRefund(api, shop, paymentId, "10.00").path("refundId").asText());
            refundIds.add(requestRefund(api, shop, paymentId, "15.00").path("refundId").asText());
        }
        PaymentProcessor real = service.bean(PaymentProcessor.class);
        CyclicBarrier allWorkersInACall = new CyclicBarrier(workers);
        AtomicInteger inCall = new AtomicInteger();
        AtomicInteger mostInCall = new AtomicInteger();
        PaymentProcessor meetingInTheCall = new PaymentProcessor() {
            @Override
            public String submit(RefundId refundId, Money amount) {
                mostInCall.accumulateAndGet(inCall.incrementAndGet(), Math::max);
                try {
                    allWorkersInACall.await(10, TimeUnit.SECONDS);   // breaks unless 4 calls run at once
                    return real.submit(refundId, amount);
                } catch (Exception e) {
                    throw new IllegalStateException("the workers did not meet in the processor call", e);
                } finally {
                    inCall.decrementAndGet();
                }
            }

            @Override
            public ProcessorStatus status(RefundId refundId) {
                return real.status(refundId);
            }

            @Override
            public List<SettledRefund> settledAfter(SettlementPosition after, Instant until, int max) {
                return real.settledAfter(after, until, max);
            }
        };
        try (WorkerPool pool = new WorkerPool("test-settlement", "workers", workers, workers)) {
            SettlementService spread = settlement(meetingInTheCall, Set.copyOf(refundIds), () -> { }, pool);

            assertThat(spread.sendDue()).isEqualTo(refundIds.size());
            assertThat(mostInCall.get()).isEqualTo(workers);
            assertThat(spread.checkDue()).isEqualTo(refundIds.size());
        }
        for (String refundId : refundIds) {
            assertThat(sandboxSubmitCalls(db, refundId)).as("submit calls for %s", refundId).containsExactly(1);
        }
        for (String paymentId : paymentIds) {
            assertThat(payment(api, shop, paymentId).path("refundTotal").asText()).isEqualTo("25.00");
        }
    }

    @Test
    void refunds_a_shut_down_pool_refuses_stay_due_for_a_later_pass() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(api, shop, "100.00", "BDT");
        String refundId = requestRefund(api, shop, paymentId, "20.00").path("refundId").asText();
        WorkerPool stopped = new WorkerPool("test-settlement", "workers", 1, 1);
        stopped.close();

        assertThat(settlement(service.bean(PaymentProcessor.class), Set.of(refundId), () -> { }, stopped).sendDue())
                .isZero();
        assertThat(claimed(db, refundId)).isFalse();

        assertThat(settlement(service.bean(PaymentProcessor.class), Set.of(refundId)).sendDue()).isEqualTo(1);
        assertThat(sandboxSubmitCalls(db, refundId)).containsExactly(1);
    }

    @Test
    void a_worker_killed_between_the_processor_call_and_the_commit_is_finished_by_a_later_pass_sending_it_once_more() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(api, shop, "100.00", "BDT");
        String refundId = requestRefund(api, shop, paymentId, "40.00").path("refundId").asText();
        PaymentProcessor real = service.bean(PaymentProcessor.class);
        SettlementService normal = settlement(real, Set.of(refundId));

        long crashedAt = System.nanoTime();
        int sentByTheKilledWorker = settlement(killedAfterTheCall(real), Set.of(refundId)).sendDue();
        long claimedBy = System.nanoTime();   // the claim's lease ends at most SEND_LEASE after this
        int sentWithinTheLease = normal.sendDue();
        boolean withinTheLease = System.nanoTime() - crashedAt < SEND_LEASE.toNanos();

        assertThat(sentByTheKilledWorker).isZero();
        if (withinTheLease) {
            assertThat(sentWithinTheLease).as("a pass while the dead worker's lease runs sends nothing").isZero();
        }
        assertThat(refund(api, shop, paymentId, refundId).path("status").asText()).isEqualTo("INITIATED");
        assertThat(claimed(db, refundId)).as("claimed").isTrue();
        assertThat(sandboxSubmitCalls(db, refundId)).as("the processor took it once").containsExactly(1);
        assertThat(outboxTypes(db, refundId)).containsExactly("refund.created");

        ApiResponse cancelled = cancel(api, shop, paymentId, refundId);
        assertThat(cancelled.status()).as("cancel answered %s", cancelled).isEqualTo(409);
        assertThat(cancelled.errorCode()).isEqualTo("INVALID_STATE");
        assertThat(refund(api, shop, paymentId, refundId).path("status").asText()).isEqualTo("INITIATED");
        assertThat(payment(api, shop, paymentId).path("refundableAmount").asText()).isEqualTo("60.00");

        sleepUntil(claimedBy + SEND_LEASE.plusMillis(100).toNanos());
        assertThat(normal.sendDue()).as("sent again once the lease ran out").isEqualTo(1);
        assertThat(normal.checkDue()).isEqualTo(1);

        JsonNode settled = refund(api, shop, paymentId, refundId);
        assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(sandboxSubmitCalls(db, refundId)).as("one processor-side refund, asked for twice")
                .containsExactly(2);
        assertThat(outboxTypes(db, refundId)).containsExactly("refund.created", "refund.processing",
                "payment.refunded");
        JsonNode payment = payment(api, shop, paymentId);
        assertThat(payment.path("refundTotal").asText()).isEqualTo("40.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("60.00");
        ApiResponse cancelledLater = cancel(api, shop, paymentId, refundId);
        assertThat(cancelledLater.status()).as("cancel answered %s", cancelledLater).isEqualTo(409);
        assertThat(cancelledLater.errorCode()).isEqualTo("INVALID_STATE");
    }

    @Test
    void a_send_that_never_reached_the_processor_is_sent_after_the_lease_and_reaches_it_once() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(api, shop, "100.00", "BDT");
        String refundId = requestRefund(api, shop, paymentId, "25.00").path("refundId").asText();
        PaymentProcessor real = service.bean(PaymentProcessor.class);

        assertThat(settlement(failingBeforeTheCall(real), Set.of(refundId)).sendDue()).isZero();
        long claimedBy = System.nanoTime();

        assertThat(sandboxSubmitCalls(db, refundId)).isEmpty();
        assertThat(claimed(db, refundId)).isTrue();
        assertThat(cancel(api, shop, paymentId, refundId).status()).as("claimed: it may be at the processor")
                .isEqualTo(409);

        sleepUntil(claimedBy + SEND_LEASE.plusMillis(100).toNanos());
        SettlementService normal = settlement(real, Set.of(refundId));
        assertThat(normal.sendDue()).isEqualTo(1);
        assertThat(normal.checkDue()).isEqualTo(1);

        assertThat(refund(api, shop, paymentId, refundId).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(sandboxSubmitCalls(db, refundId)).containsExactly(1);
    }

    @Test
    void an_initiated_refund_no_worker_claimed_yet_can_still_be_cancelled_and_is_never_sent() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(api, shop, "100.00", "BDT");
        String refundId = requestRefund(api, shop, paymentId, "25.00").path("refundId").asText();

        ApiResponse cancelled = cancel(api, shop, paymentId, refundId);
        assertThat(cancelled.status()).as("cancel answered %s", cancelled).isEqualTo(200);
        assertThat(settlement(service.bean(PaymentProcessor.class), Set.of(refundId)).sendDue()).isZero();

        assertThat(claimed(db, refundId)).isFalse();
        assertThat(sandboxSubmitCalls(db, refundId)).isEmpty();
        assertThat(refund(api, shop, paymentId, refundId).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void a_cancel_that_arrives_while_a_worker_holds_the_payment_lock_to_claim_the_refund_is_refused()
            throws Exception {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(api, shop, "100.00", "BDT");
        String refundId = requestRefund(api, shop, paymentId, "35.00").path("refundId").asText();
        CountDownLatch lockHeld = new CountDownLatch(1);
        SettlementService slowToClaim = settlement(service.bean(PaymentProcessor.class), Set.of(refundId), () -> {
            lockHeld.countDown();
            Settlements.pause(700);   // the cancel below reads the refund, then waits for the payment's lock
        });
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> sent = worker.submit(slowToClaim::sendDue);
            assertThat(lockHeld.await(10, TimeUnit.SECONDS)).as("the worker took the payment's lock").isTrue();

            ApiResponse cancelled = cancel(api, shop, paymentId, refundId);
            int sentByTheWorker = sent.get(15, TimeUnit.SECONDS);

            String status = refund(api, shop, paymentId, refundId).path("status").asText();
            List<Integer> atTheProcessor = sandboxSubmitCalls(db, refundId);
            assertThat(status).as("a refund the processor received (submit calls %s) must not end CANCELLED; the"
                    + " cancel answered %s", atTheProcessor, cancelled).isNotEqualTo("CANCELLED");
            assertThat(cancelled.status()).as("cancel answered %s", cancelled).isEqualTo(409);
            assertThat(cancelled.errorCode()).isEqualTo("INVALID_STATE");
            assertThat(sentByTheWorker).isEqualTo(1);
            assertThat(atTheProcessor).containsExactly(1);
        } finally {
            worker.shutdownNow();
        }
        assertThat(settlement(service.bean(PaymentProcessor.class), Set.of(refundId)).checkDue()).isEqualTo(1);
        assertThat(refund(api, shop, paymentId, refundId).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment(api, shop, paymentId).path("refundTotal").asText()).isEqualTo("35.00");
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Settlements.pause(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    /** The context's queue, showing only the given refunds, so no pass here touches another test's refunds. */
    private static final class OnlyTheseRefunds implements SettlementQueue {
        private static final int SCAN = 100_000;
        private final SettlementQueue queue;
        private final Set<String> ids;
        private final Runnable beforeClaim;

        OnlyTheseRefunds(SettlementQueue queue, Set<String> ids, Runnable beforeClaim) {
            this.queue = queue;
            this.ids = ids;
            this.beforeClaim = beforeClaim;
        }

        private boolean mine(RefundId id) {
            return ids.contains(id.value());
        }

        @Override
        public List<Refund> dueForSending(Instant now, int max) {
            return queue.dueForSending(now, SCAN).stream().filter(refund -> mine(refund.id())).limit(max).toList();
        }

        @Override
        public boolean claimForSending(RefundId refundId, Instant now, Instant leaseUntil) {
            if (!mine(refundId)) {
                return false;
            }
            beforeClaim.run();   // the claim's transaction holds the payment's lock by now
            return queue.claimForSending(refundId, now, leaseUntil);
        }

        @Override
        public boolean isClaimed(RefundId refundId) {
            return queue.isClaimed(refundId);
        }

        @Override
        public void scheduleCheck(RefundId refundId, Instant at) {
            queue.scheduleCheck(refundId, at);
        }

        @Override
        public List<DueCheck> dueForCheck(Instant now, int max) {
            return queue.dueForCheck(now, SCAN).stream().filter(due -> mine(due.refund().id())).limit(max).toList();
        }

        @Override
        public boolean claimCheck(RefundId refundId, Instant dueAt, Instant nextAt) {
            return mine(refundId) && queue.claimCheck(refundId, dueAt, nextAt);
        }

        @Override
        public void stopChecks(RefundId refundId) {
            queue.stopChecks(refundId);
        }
    }
}
