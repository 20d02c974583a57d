package dev.refunds.application.webhook;

import dev.refunds.application.shared.GroupCommit;
import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.WebhookDeliveryStore.Due;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.refunds.application.view.RefundEventType.REFUND_CREATED;
import static dev.refunds.application.webhook.WebhookWorld.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcomes to one endpoint that end while another's transaction runs are written together, in one transaction;
 * when that shared write fails, each is written alone: none is lost, none is written twice or as another's.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OutcomeGroupCommitTest {
    private static final int LANES = 4;

    private final WebhookWorld world = new WebhookWorld(LANES, LANES);
    private final SharedWriteFails transactions = new SharedWriteFails();
    private final AttemptOutcomes outcomes = new AttemptOutcomes(world.deliveries, world.endpoints, transactions,
            world.clock, new DeliverySettings(WebhookWorld.SCHEDULE, Duration.ofSeconds(60), LANES, 100,
            Duration.ZERO, LANES, WebhookWorld.DISABLE_AFTER));

    /**
     * One writer at a time, as rows locked by each outcome would make it. The first transaction waits until the
     * other outcomes queue behind it; a transaction that writes more than one outcome is rolled back and fails.
     */
    private final class SharedWriteFails implements Transactions {
        final List<Integer> outcomesPerTransaction = new ArrayList<>();

        @Override
        public synchronized <T> T inTransaction(Supplier<T> work) {
            if (outcomesPerTransaction.isEmpty()) {
                waitUntilQueued(LANES - 1);
            }
            Runnable rollback = world.deliveries.snapshot();
            long before = written();
            T result = work.get();
            int outcomes = (int) (written() - before);
            outcomesPerTransaction.add(outcomes);
            if (outcomes > 1) {
                rollback.run();
                throw new IllegalStateException("the shared commit failed");
            }
            return result;
        }

        private long written() {
            return world.deliveries.all().stream().filter(d -> !d.attempts().isEmpty()).count();
        }
    }

    @Test
    void outcomes_that_end_together_share_a_transaction_and_each_is_written_alone_when_it_fails() throws Exception {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        for (int i = 0; i < LANES; i++) {
            world.event(SHOP, REFUND_CREATED);
        }
        world.relay.relayDue();
        Instant now = world.clock.instant();
        List<Due> due = world.deliveries.due(now, LANES, LANES);
        for (Due delivery : due) {
            assertThat(world.deliveries.claim(delivery, token(delivery), now, now.plusSeconds(60), LANES)).isTrue();
        }
        DeliveryTarget target = world.endpoints.targetOf(endpoint.id()).orElseThrow();

        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        try {
            List<Future<?>> ended = new ArrayList<>();
            for (Due delivery : due) {
                ended.add(lanes.submit(() -> outcomes.attempted(delivery, token(delivery), target, now,
                        WebhookSender.Result.answered(200, 1), false)));
            }
            for (Future<?> lane : ended) {
                lane.get(10, TimeUnit.SECONDS);
            }
        } finally {
            lanes.shutdownNow();
        }

        assertThat(transactions.outcomesPerTransaction).as("the first alone, the three queued behind it together"
                + " (rolled back), then each of them alone").containsExactly(1, LANES - 1, 1, 1, 1);
        assertThat(world.deliveriesOf(endpoint)).hasSize(LANES).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
            assertThat(delivery.attempts()).singleElement()
                    .satisfies(attempt -> assertThat(attempt.statusCode()).contains(200));
        });
    }

    private static String token(Due delivery) {
        return "lease-" + delivery.deliveryId();
    }

    private static void waitUntilQueued(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (parkedInGroupCommit() < count) {
            assertThat(System.nanoTime()).as("%d outcomes queued in time", count).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** The queue is private; a waiting outcome shows as a thread parked in the group commit. */
    private static long parkedInGroupCommit() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> List.of(e.getValue()).stream().anyMatch(frame -> frame.getClassName()
                        .equals(GroupCommit.class.getName()) && frame.getMethodName().equals("run")))
                .count();
    }
}
