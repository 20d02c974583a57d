package dev.refunds.application.webhook;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.refunds.application.view.RefundEventType.REFUND_CREATED;
import static dev.refunds.application.webhook.WebhookWorld.OTHER_SHOP;
import static dev.refunds.application.webhook.WebhookWorld.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDeliveriesServiceTest {
    private final WebhookWorld world = new WebhookWorld();

    @Test
    void a_failed_delivery_retried_by_hand_gets_one_more_attempt_now() {
        WebhookDelivery failed = failedDelivery();
        world.sender.alwaysFail(false);

        RetryDeliveryOutcome outcome = world.deliveriesService.retry(new RetryDeliveryCommand(SHOP,
                failed.deliveryId()));

        assertThat(outcome).isInstanceOfSatisfying(RetryDeliveryOutcome.Retried.class, retried -> {
            assertThat(retried.delivery().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(retried.delivery().nextAttemptAt()).contains(world.clock.instant());
        });
        world.relayAndDeliver();
        WebhookDelivery delivered = world.deliveries.get(failed.deliveryId());
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(delivered.attempts()).hasSize(WebhookWorld.SCHEDULE.attemptsMax() + 1);
    }

    @Test
    void a_manual_retry_that_fails_again_leaves_the_delivery_failed_after_that_one_attempt() {
        WebhookDelivery failed = failedDelivery();

        world.deliveriesService.retry(new RetryDeliveryCommand(SHOP, failed.deliveryId()));
        world.relayAndDeliver();

        WebhookDelivery again = world.deliveries.get(failed.deliveryId());
        assertThat(again.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(again.attempts()).hasSize(failed.attempts().size() + 1);
    }

    @Test
    void only_failed_deliveries_can_be_retried() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.relay.relayDue();
        String pending = world.deliveriesOf(endpoint).get(0).deliveryId();

        assertThat(world.deliveriesService.retry(new RetryDeliveryCommand(SHOP, pending)))
                .isEqualTo(new RetryDeliveryOutcome.NotFailed(DeliveryStatus.PENDING));
        world.relayAndDeliver();
        assertThat(world.deliveriesService.retry(new RetryDeliveryCommand(SHOP, pending)))
                .isEqualTo(new RetryDeliveryOutcome.NotFailed(DeliveryStatus.SUCCEEDED));
    }

    @Test
    void another_business_retrying_or_listing_finds_nothing() {
        WebhookDelivery failed = failedDelivery();

        assertThat(world.deliveriesService.retry(new RetryDeliveryCommand(OTHER_SHOP, failed.deliveryId())))
                .isEqualTo(new RetryDeliveryOutcome.NotFound());
        assertThat(world.deliveriesService.list(new ListDeliveriesCommand(OTHER_SHOP, failed.endpointId(),
                new PageRequest(20, Optional.empty())))).isEmpty();
        assertThat(world.deliveries.get(failed.deliveryId()).status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void deliveries_are_listed_newest_first_in_cursor_pages() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        for (int i = 0; i < 3; i++) {
            world.event(SHOP, REFUND_CREATED);
        }
        world.relay.relayDue();

        Page<WebhookDelivery> first = world.deliveriesService.list(new ListDeliveriesCommand(SHOP, endpoint.id(),
                new PageRequest(2, Optional.empty()))).orElseThrow();
        Page<WebhookDelivery> second = world.deliveriesService.list(new ListDeliveriesCommand(SHOP, endpoint.id(),
                new PageRequest(2, Optional.of(first.items().get(1).deliveryId())))).orElseThrow();

        assertThat(first.items()).extracting(WebhookDelivery::eventId).containsExactly("evt_3", "evt_2");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(WebhookDelivery::eventId).containsExactly("evt_1");
        assertThat(second.hasMore()).isFalse();
        assertThatThrownBy(() -> world.deliveriesService.list(new ListDeliveriesCommand(SHOP, endpoint.id(),
                new PageRequest(2, Optional.of("wd_unknown"))))).isInstanceOf(InvalidInputException.class);
    }

    private WebhookDelivery failedDelivery() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.sender.alwaysFail(true);
        world.relayAndDeliver();
        for (java.time.Duration delay : WebhookWorld.SCHEDULE.delays()) {
            world.clock.advance(delay);
            world.relayAndDeliver();
        }
        WebhookDelivery failed = world.deliveriesOf(endpoint).get(0);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        return failed;
    }
}
