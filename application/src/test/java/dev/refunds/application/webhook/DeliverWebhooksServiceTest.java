package dev.refunds.application.webhook;

import dev.refunds.application.webhook.WebhookOutbox.Unrelayed;
import dev.refunds.application.webhook.WebhookSender.Result;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.refunds.application.view.RefundEventType.REFUND_CREATED;
import static dev.refunds.application.webhook.WebhookWorld.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliverWebhooksServiceTest {
    private final WebhookWorld world = new WebhookWorld();

    @Test
    void a_2xx_on_the_first_attempt_makes_the_delivery_succeeded_with_one_attempt() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        Unrelayed event = world.event(SHOP, REFUND_CREATED);

        world.relayAndDeliver();

        WebhookDelivery delivery = world.deliveriesOf(endpoint).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(delivery.nextAttemptAt()).isEmpty();
        assertThat(delivery.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.statusCode()).contains(200);
            assertThat(attempt.error()).isEmpty();
        });
        WebhookSender.Message sent = world.sender.sent().get(0);
        assertThat(sent.webhookId()).isEqualTo(event.eventId());
        assertThat(sent.url()).isEqualTo(endpoint.url());
        assertThat(sent.secret()).isEqualTo(endpoint.secret());
        assertThat(sent.payload()).isEqualTo(world.outbox.payload(event.eventId()).orElseThrow());
    }

    @Test
    void failures_are_retried_on_the_schedule_with_the_same_webhook_id_until_one_succeeds() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        Unrelayed event = world.event(SHOP, REFUND_CREATED);
        world.sender.then(Result.answered(500, 4)).then(Result.failed("connection refused", 1));

        world.relayAndDeliver();
        Instant first = world.clock.instant();
        assertThat(world.deliveriesOf(endpoint).get(0).nextAttemptAt()).contains(first.plusSeconds(5));
        world.clock.advance(Duration.ofSeconds(4));
        assertThat(world.deliver.deliverDue()).isZero();   // not due yet
        world.clock.advance(Duration.ofSeconds(1));
        world.relayAndDeliver();
        assertThat(world.deliveriesOf(endpoint).get(0).nextAttemptAt())
                .contains(world.clock.instant().plus(Duration.ofMinutes(5)));
        world.clock.advance(Duration.ofMinutes(5));
        world.relayAndDeliver();

        WebhookDelivery delivery = world.deliveriesOf(endpoint).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::statusCode)
                .containsExactly(Optional.of(500), Optional.empty(), Optional.of(200));
        assertThat(delivery.attempts().get(1).error()).contains("connection refused");
        assertThat(world.sender.sent()).extracting(WebhookSender.Message::webhookId).containsOnly(event.eventId());
        assertThat(world.sender.sent()).extracting(WebhookSender.Message::timestamp).doesNotHaveDuplicates();
    }

    @Test
    void a_delivery_that_fails_every_attempt_of_the_schedule_is_failed_without_a_next_attempt() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.sender.alwaysFail(true);

        runThroughTheSchedule();

        WebhookDelivery delivery = world.deliveriesOf(endpoint).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.nextAttemptAt()).isEmpty();
        assertThat(delivery.attempts()).hasSize(WebhookWorld.SCHEDULE.attemptsMax());
        world.clock.advance(Duration.ofDays(30));
        assertThat(world.deliver.deliverDue()).isZero();
    }

    @Test
    void a_target_the_guard_now_refuses_fails_the_attempt_without_sending() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.refusal = Optional.of("url must not point to an internal address");   // DNS now answers 10.0.0.1

        world.relayAndDeliver();

        WebhookDelivery delivery = world.deliveriesOf(endpoint).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.error()).contains("target refused");
            assertThat(attempt.statusCode()).isEmpty();
        });
        assertThat(world.sender.sent()).isEmpty();
    }

    @Test
    void no_more_attempts_start_than_there_are_free_senders() {
        WebhookWorld small = new WebhookWorld(2);
        WebhookEndpoint endpoint = small.endpoint(SHOP);
        for (int i = 0; i < 5; i++) {
            small.event(SHOP, REFUND_CREATED);
        }
        small.relay.relayDue();
        small.holdSenders = true;

        assertThat(small.deliver.deliverDue()).isEqualTo(2);
        assertThat(small.deliver.deliverDue()).isZero();
        small.held.remove(0).run();   // its lane goes on through the three due deliveries left, on its sender
        assertThat(small.deliveriesOf(endpoint)).filteredOn(d -> d.status() == DeliveryStatus.SUCCEEDED).hasSize(4);
        assertThat(small.deliver.deliverDue()).isZero();
        small.holdSenders = false;
        small.held.forEach(Runnable::run);
        small.held.clear();
        while (small.deliver.deliverDue() > 0) {
            // drain
        }

        assertThat(small.deliveriesOf(endpoint)).extracting(WebhookDelivery::status).containsOnly(
                DeliveryStatus.SUCCEEDED);
    }

    @Test
    void a_claimed_delivery_is_not_attempted_by_a_second_worker_until_its_lease_runs_out() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.relay.relayDue();
        world.holdSenders = true;
        assertThat(world.deliver.deliverDue()).isEqualTo(1);   // claimed; its worker then dies
        world.held.clear();
        world.holdSenders = false;

        assertThat(world.deliver.deliverDue()).isZero();
        world.clock.advance(Duration.ofSeconds(61));
        assertThat(world.deliver.deliverDue()).isEqualTo(1);

        assertThat(world.deliveriesOf(endpoint).get(0).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(world.sender.sent()).hasSize(1);
    }

    @Test
    void the_deliveries_of_all_free_senders_are_claimed_in_one_transaction() {
        world.endpoint(SHOP);
        for (int i = 0; i < 6; i++) {
            world.event(SHOP, REFUND_CREATED);
        }
        world.relay.relayDue();
        world.holdSenders = true;
        int before = world.transactions.started();

        assertThat(world.deliver.deliverDue()).isEqualTo(4);   // 4 senders
        assertThat(world.transactions.started() - before).isEqualTo(1);
        assertThat(world.held).hasSize(4);
    }

    @Test
    void a_claim_that_fails_gives_its_senders_back_and_the_next_pass_delivers() {
        WebhookWorld small = new WebhookWorld(2);
        WebhookEndpoint endpoint = small.endpoint(SHOP);
        small.event(SHOP, REFUND_CREATED);
        small.event(SHOP, REFUND_CREATED);
        small.relay.relayDue();
        small.deliveries.claimsToFail = 1;

        assertThatThrownBy(small.deliver::deliverDue).hasMessageContaining("database unreachable");
        small.holdSenders = true;
        assertThat(small.deliver.deliverDue()).isEqualTo(2);
        small.held.forEach(Runnable::run);

        assertThat(small.deliveriesOf(endpoint)).extracting(WebhookDelivery::status)
                .containsOnly(DeliveryStatus.SUCCEEDED);
    }

    @Test
    void a_pending_delivery_to_a_deleted_endpoint_stops_without_an_attempt() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.relay.relayDue();

        world.endpointsService.delete(new DeleteWebhookEndpointCommand(SHOP, endpoint.id()));
        world.relayAndDeliver();

        WebhookDelivery delivery = world.deliveriesOf(endpoint).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEmpty();
        assertThat(world.sender.sent()).isEmpty();
    }

    private void runThroughTheSchedule() {
        world.relayAndDeliver();
        for (Duration delay : WebhookWorld.SCHEDULE.delays()) {
            world.clock.advance(delay);
            world.relayAndDeliver();
        }
    }
}
