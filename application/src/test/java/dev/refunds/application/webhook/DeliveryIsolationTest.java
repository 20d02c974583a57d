package dev.refunds.application.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.refunds.application.view.RefundEventType.REFUND_CREATED;
import static dev.refunds.application.webhook.WebhookWorld.OTHER_SHOP;
import static dev.refunds.application.webhook.WebhookWorld.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

/** One endpoint never holds more than its share of the senders; the others' deliveries go on beside it. */
class DeliveryIsolationTest {
    private final WebhookWorld world = new WebhookWorld(4, 2);

    @Test
    void a_backlogged_endpoint_gets_its_limit_of_senders_and_the_other_endpoint_its_delivery_at_once() {
        WebhookEndpoint slow = world.endpoint(SHOP);
        for (int i = 0; i < 6; i++) {
            world.event(SHOP, REFUND_CREATED);
        }
        WebhookEndpoint fast = world.endpoint(OTHER_SHOP);
        world.event(OTHER_SHOP, REFUND_CREATED);   // due last of all
        world.relay.relayDue();
        world.holdSenders = true;   // the slow endpoint's attempts do not end

        assertThat(world.deliver.deliverDue()).isEqualTo(3);
        assertThat(world.deliver.deliverDue()).isZero();   // the slow endpoint is at its limit; a sender is free

        world.held.forEach(Runnable::run);
        assertThat(world.deliveriesOf(fast)).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SUCCEEDED));
        assertThat(world.deliveriesOf(slow)).as("its two lanes, as their attempts ended, went on through its backlog")
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SUCCEEDED));
    }

    @Test
    void due_deliveries_come_round_robin_across_endpoints_not_earliest_first() {
        WebhookEndpoint first = world.endpoint(SHOP);
        WebhookEndpoint second = world.endpoint(OTHER_SHOP);
        for (int i = 0; i < 3; i++) {
            world.event(SHOP, REFUND_CREATED);
        }
        for (int i = 0; i < 3; i++) {
            world.event(OTHER_SHOP, REFUND_CREATED);
        }
        world.relay.relayDue();

        assertThat(world.deliveries.due(world.clock.instant(), 10, 2)).extracting(d -> d.endpointId())
                .containsExactly(first.id(), second.id(), first.id(), second.id());
    }

    @Test
    void an_expired_claim_no_longer_counts_against_its_endpoint() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        for (int i = 0; i < 3; i++) {
            world.event(SHOP, REFUND_CREATED);
        }
        world.relay.relayDue();
        world.holdSenders = true;
        assertThat(world.deliver.deliverDue()).isEqualTo(2);
        world.held.clear();   // their worker died
        world.holdSenders = false;

        world.clock.advance(Duration.ofSeconds(61));
        world.relayAndDeliver();

        assertThat(world.deliveriesOf(endpoint)).extracting(WebhookDelivery::status)
                .containsOnly(DeliveryStatus.SUCCEEDED);
    }
}
