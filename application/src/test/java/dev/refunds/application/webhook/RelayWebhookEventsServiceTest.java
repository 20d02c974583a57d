package dev.refunds.application.webhook;

import dev.refunds.application.webhook.WebhookOutbox.Unrelayed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.refunds.application.view.RefundEventType.PAYMENT_REFUNDED;
import static dev.refunds.application.view.RefundEventType.REFUND_CREATED;
import static dev.refunds.application.webhook.WebhookWorld.OTHER_SHOP;
import static dev.refunds.application.webhook.WebhookWorld.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

class RelayWebhookEventsServiceTest {
    private final WebhookWorld world = new WebhookWorld();

    @Test
    void an_event_becomes_one_pending_delivery_per_subscribed_endpoint_of_its_business() {
        WebhookEndpoint all = world.endpoint(SHOP);
        WebhookEndpoint refundedOnly = world.endpoint(SHOP, PAYMENT_REFUNDED);
        WebhookEndpoint otherBusiness = world.endpoint(OTHER_SHOP);
        Unrelayed created = world.event(SHOP, REFUND_CREATED);
        Unrelayed refunded = world.event(SHOP, PAYMENT_REFUNDED);

        assertThat(world.relay.relayDue()).isEqualTo(2);

        assertThat(world.deliveriesOf(all)).extracting(WebhookDelivery::eventId)
                .containsExactly(created.eventId(), refunded.eventId());
        assertThat(world.deliveriesOf(refundedOnly)).extracting(WebhookDelivery::eventId)
                .containsExactly(refunded.eventId());
        assertThat(world.deliveriesOf(otherBusiness)).isEmpty();
        WebhookDelivery delivery = world.deliveriesOf(all).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attemptsLeft()).isEqualTo(WebhookWorld.SCHEDULE.attemptsMax());
        assertThat(delivery.nextAttemptAt()).contains(world.clock.instant());
        assertThat(world.outbox.isRelayed(created.eventId())).isTrue();
    }

    @Test
    void a_batch_of_wanted_and_unwanted_events_is_relayed_in_one_transaction() {
        WebhookEndpoint refundedOnly = world.endpoint(SHOP, PAYMENT_REFUNDED);
        Unrelayed created = world.event(SHOP, REFUND_CREATED);
        Unrelayed refunded = world.event(SHOP, PAYMENT_REFUNDED);
        Unrelayed elsewhere = world.event(OTHER_SHOP, PAYMENT_REFUNDED);
        int before = world.transactions.started();

        assertThat(world.relay.relayDue()).isEqualTo(3);

        assertThat(world.transactions.started() - before).isEqualTo(1);
        assertThat(world.deliveriesOf(refundedOnly)).extracting(WebhookDelivery::eventId)
                .containsExactly(refunded.eventId());
        assertThat(List.of(created, refunded, elsewhere)).allMatch(event -> world.outbox.isRelayed(event.eventId()));
    }

    @Test
    void an_event_is_relayed_once_however_often_the_relay_runs() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);

        world.relay.relayDue();
        assertThat(world.relay.relayDue()).isZero();

        assertThat(world.deliveriesOf(endpoint)).hasSize(1);
    }

    @Test
    void an_event_another_relay_marked_first_makes_no_deliveries_here() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        Unrelayed event = world.event(SHOP, REFUND_CREATED);
        world.outbox.relayedElsewhere(event.eventId(), world.clock.instant());   // between our read and claim
        RelayWebhookEventsService late = new RelayWebhookEventsService(new StaleOutbox(world.outbox, event),
                world.endpoints, world.deliveries, world.ids, world.transactions, world.clock,
                WebhookWorld.SCHEDULE, 10);

        late.relayDue();

        assertThat(world.deliveriesOf(endpoint)).isEmpty();
    }

    @Test
    void events_nobody_subscribes_to_are_marked_relayed_without_deliveries() {
        world.endpoint(SHOP, PAYMENT_REFUNDED);
        Unrelayed unwanted = world.event(SHOP, REFUND_CREATED);
        Unrelayed noEndpoints = world.event(OTHER_SHOP, PAYMENT_REFUNDED);
        Unrelayed unknownType = world.outbox.add("evt_future", SHOP, null, world.clock.instant());

        world.relay.relayDue();

        assertThat(world.deliveries.all()).isEmpty();
        assertThat(world.outbox.isRelayed(unwanted.eventId())).isTrue();
        assertThat(world.outbox.isRelayed(noEndpoints.eventId())).isTrue();
        assertThat(world.outbox.isRelayed(unknownType.eventId())).isTrue();
    }

    @Test
    void an_endpoint_receives_only_events_from_its_creation_on_and_none_once_deleted() {
        Unrelayed before = world.event(SHOP, REFUND_CREATED);
        world.clock.advance(Duration.ofSeconds(1));
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        Unrelayed after = world.event(SHOP, REFUND_CREATED);
        world.relay.relayDue();
        world.endpointsService.delete(new DeleteWebhookEndpointCommand(SHOP, endpoint.id()));
        Unrelayed deleted = world.event(SHOP, REFUND_CREATED);

        world.relay.relayDue();

        assertThat(world.deliveriesOf(endpoint)).extracting(WebhookDelivery::eventId)
                .containsExactly(after.eventId()).doesNotContain(before.eventId(), deleted.eventId());
    }

    /** An outbox whose read is stale: it still lists an event another relay has marked meanwhile. */
    private record StaleOutbox(InMemoryWebhookOutbox real, Unrelayed stale)
            implements dev.refunds.application.webhook.WebhookOutbox {
        @Override
        public java.util.List<Unrelayed> unrelayed(int max) {
            return java.util.List.of(stale);
        }

        @Override
        public boolean markRelayed(String eventId, java.time.Instant now) {
            return real.markRelayed(eventId, now);
        }

        @Override
        public int markAllRelayed(java.util.List<String> eventIds, java.time.Instant now) {
            return real.markAllRelayed(eventIds, now);
        }

        @Override
        public Optional<String> payload(String eventId) {
            return real.payload(eventId);
        }
    }
}
