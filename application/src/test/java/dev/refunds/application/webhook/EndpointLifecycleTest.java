package dev.refunds.application.webhook;

import dev.refunds.application.webhook.WebhookSender.Message;
import dev.refunds.application.webhook.WebhookSender.Result;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.refunds.application.view.RefundEventType.REFUND_CREATED;
import static dev.refunds.application.webhook.WebhookWorld.SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 410, failing for the disable-after time, enable, Retry-After, rotation and recovery over in-memory fakes. */
class EndpointLifecycleTest {
    private final WebhookWorld world = new WebhookWorld();

    @Test
    void a_410_disables_the_endpoint_fails_its_pending_deliveries_and_enable_resumes() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.event(SHOP, REFUND_CREATED);
        world.sender.then(Result.answered(410, 1));

        world.relayAndDeliver();

        assertThat(world.endpoints.findForDelivery(endpoint.id()).orElseThrow().status())
                .isEqualTo(EndpointStatus.DISABLED);
        assertThat(world.deliveriesOf(endpoint)).extracting(WebhookDelivery::status)
                .containsOnly(DeliveryStatus.FAILED);
        assertThat(world.sender.sent()).hasSize(1);

        assertThat(world.endpointsService.enable(SHOP, endpoint.id())).hasValueSatisfying(
                enabled -> assertThat(enabled.status()).isEqualTo(EndpointStatus.ENABLED));
        world.event(SHOP, REFUND_CREATED);
        world.relayAndDeliver();
        assertThat(world.sender.sent()).hasSize(2);
    }

    @Test
    void failures_only_for_the_disable_after_time_disable_the_endpoint_and_a_success_between_resets_it() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.sender.then(Result.answered(500, 1));
        world.relayAndDeliver();   // failing from now
        world.clock.advance(WebhookWorld.DISABLE_AFTER.minusSeconds(1));
        world.event(SHOP, REFUND_CREATED);
        world.relayAndDeliver();   // the retry and the new one succeed: not failing any more
        world.clock.advance(Duration.ofSeconds(2));
        world.sender.alwaysFail(true);
        world.event(SHOP, REFUND_CREATED);
        world.relayAndDeliver();
        assertThat(world.endpoints.findForDelivery(endpoint.id()).orElseThrow().status())
                .isEqualTo(EndpointStatus.ENABLED);

        world.clock.advance(WebhookWorld.DISABLE_AFTER);
        world.relayAndDeliver();

        assertThat(world.endpoints.findForDelivery(endpoint.id()).orElseThrow().status())
                .isEqualTo(EndpointStatus.DISABLED);
        assertThat(world.deliveriesOf(endpoint)).extracting(WebhookDelivery::status)
                .doesNotContain(DeliveryStatus.PENDING);
    }

    @Test
    void a_success_to_an_endpoint_that_is_not_failing_writes_nothing_to_it_and_one_to_a_failing_endpoint_clears_it() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        for (int i = 0; i < 3; i++) {
            world.event(SHOP, REFUND_CREATED);
        }
        world.relayAndDeliver();
        assertThat(world.sender.sent()).hasSize(3);
        assertThat(world.endpoints.successWrites).isZero();

        world.sender.then(Result.answered(500, 1));
        world.event(SHOP, REFUND_CREATED);
        world.relayAndDeliver();
        assertThat(world.endpoints.targetOf(endpoint.id()).orElseThrow().failing()).isTrue();
        world.clock.advance(Duration.ofMinutes(10));   // past the retry's delay
        world.relayAndDeliver();

        assertThat(world.endpoints.successWrites).isEqualTo(1);
        assertThat(world.endpoints.targetOf(endpoint.id()).orElseThrow().failing()).isFalse();
        assertThat(world.deliveriesOf(endpoint)).extracting(WebhookDelivery::status)
                .containsOnly(DeliveryStatus.SUCCEEDED);
    }

    @Test
    void retry_after_moves_the_next_attempt_no_earlier_than_asked_and_no_later_than_the_longest_step() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.sender.then(Result.answered(503, 1, Optional.of(Duration.ofSeconds(90))))
                .then(Result.answered(429, 1, Optional.of(Duration.ofDays(2))));

        world.relayAndDeliver();
        Instant first = world.clock.instant();
        assertThat(world.deliveriesOf(endpoint).get(0).nextAttemptAt()).contains(first.plusSeconds(90));
        world.clock.advance(Duration.ofSeconds(90));
        world.relayAndDeliver();
        assertThat(world.deliveriesOf(endpoint).get(0).nextAttemptAt())
                .contains(world.clock.instant().plus(WebhookWorld.SCHEDULE.longest()));
    }

    @Test
    void a_rotation_signs_with_both_secrets_until_the_old_one_expires() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        String newSecret = world.endpointsService.rotateSecret(SHOP, endpoint.id(), Duration.ofHours(1))
                .orElseThrow();
        world.event(SHOP, REFUND_CREATED);
        world.relayAndDeliver();
        world.clock.advance(Duration.ofHours(1));
        world.event(SHOP, REFUND_CREATED);
        world.relayAndDeliver();

        Message during = world.sender.sent().get(0);
        Message after = world.sender.sent().get(1);
        assertThat(during.secret()).isEqualTo(newSecret);
        assertThat(during.retiringSecret()).contains(endpoint.secret());
        assertThat(after.secret()).isEqualTo(newSecret);
        assertThat(after.retiringSecret()).isEmpty();
        assertThatThrownBy(() -> world.endpointsService.rotateSecret(SHOP, endpoint.id(), Duration.ofDays(8)))
                .hasMessageContaining("expiresInSeconds");
    }

    @Test
    void recover_makes_exactly_the_failed_deliveries_of_the_window_pending() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.sender.alwaysFail(true);
        world.event(SHOP, REFUND_CREATED);
        runThroughTheSchedule();
        Instant since = world.clock.instant();
        world.event(SHOP, REFUND_CREATED);
        world.event(SHOP, REFUND_CREATED);
        runThroughTheSchedule();
        world.sender.alwaysFail(false);

        assertThat(world.endpointsService.recover(SHOP, endpoint.id(), since, Optional.empty())).hasValue(2);
        world.relayAndDeliver();

        assertThat(world.deliveriesOf(endpoint)).extracting(WebhookDelivery::status)
                .containsExactly(DeliveryStatus.FAILED, DeliveryStatus.SUCCEEDED, DeliveryStatus.SUCCEEDED);
        assertThatThrownBy(() -> world.endpointsService.recover(SHOP, endpoint.id(),
                world.clock.instant().minus(Duration.ofDays(15)), Optional.empty())).hasMessageContaining("14 days");
        assertThat(world.endpointsService.recover(WebhookWorld.OTHER_SHOP, endpoint.id(), since, Optional.empty()))
                .isEmpty();
    }

    private void runThroughTheSchedule() {
        world.relayAndDeliver();
        for (Duration delay : WebhookWorld.SCHEDULE.delays()) {
            world.clock.advance(delay);
            world.relayAndDeliver();
        }
    }
}
