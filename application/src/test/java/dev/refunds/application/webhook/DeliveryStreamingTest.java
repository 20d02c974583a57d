package dev.refunds.application.webhook;

import dev.refunds.application.fakes.InlineSlots;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.refunds.application.view.RefundEventType.REFUND_CREATED;
import static dev.refunds.application.webhook.WebhookWorld.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog on an endpoint at its limit streams: when one of its attempts ends, its lane claims the next due
 * delivery in the outcome's transaction and goes on with it, instead of leaving it for the next poll.
 */
class DeliveryStreamingTest {
    private static final int PER_ENDPOINT = 2;

    private final WebhookWorld world = new WebhookWorld(4, PER_ENDPOINT);
    private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();
    private final DeliverWebhooksService deliver = new DeliverWebhooksService(world.deliveries, world.endpoints,
            world.outbox, url -> world.refusal, world.sender, world.transactions, world.clock,
            new DeliverySettings(WebhookWorld.SCHEDULE, Duration.ofSeconds(60), 4, 100, Duration.ofSeconds(30),
                    PER_ENDPOINT, WebhookWorld.DISABLE_AFTER), new InlineSlots(4, held::add));

    @Test
    void the_lane_whose_attempt_ends_goes_on_with_its_endpoints_next_due_delivery() throws Exception {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        for (int i = 0; i < 3; i++) {
            world.event(SHOP, REFUND_CREATED);
        }
        world.relay.relayDue();
        assertThat(deliver.deliverDue()).isEqualTo(PER_ENDPOINT);
        assertThat(held).hasSize(PER_ENDPOINT);

        Thread endsOne = new Thread(() -> {
            try {
                Thread.sleep(200);
                held.take().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        endsOne.start();
        int started = deliver.deliverDue();
        endsOne.join();

        assertThat(started).as("the pass finds nothing to claim: the lane took the third delivery").isZero();
        assertThat(world.deliveriesOf(endpoint)).filteredOn(d -> d.status() == DeliveryStatus.SUCCEEDED)
                .as("the ended attempt and the third delivery, on the same lane").hasSize(2);
        assertThat(held).as("the lane went on on its own sender; the other attempt still holds the second")
                .hasSize(PER_ENDPOINT - 1);
        Runnable next;
        while ((next = held.poll(1, TimeUnit.MILLISECONDS)) != null) {
            next.run();
        }
        assertThat(world.deliveriesOf(endpoint)).allSatisfy(d ->
                assertThat(d.status()).isEqualTo(DeliveryStatus.SUCCEEDED));
    }

    @Test
    void a_pass_that_finds_nothing_due_after_an_idle_one_does_not_wait() {
        world.endpoint(SHOP);
        long startedAt = System.nanoTime();

        assertThat(deliver.deliverDue()).isZero();
        assertThat(deliver.deliverDue()).isZero();

        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(10));
    }
}
