package dev.refunds.application.webhook;

import dev.refunds.application.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static dev.refunds.application.view.RefundEventType.PAYMENT_REFUNDED;
import static dev.refunds.application.view.RefundEventType.REFUND_CREATED;
import static dev.refunds.application.webhook.WebhookWorld.OTHER_SHOP;
import static dev.refunds.application.webhook.WebhookWorld.SHOP;
import static dev.refunds.application.webhook.WebhookWorld.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEndpointsServiceTest {
    private final WebhookWorld world = new WebhookWorld();

    @Test
    void a_new_endpoint_without_events_subscribes_to_every_event_type_and_gets_a_secret() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);

        assertThat(endpoint.events()).isEqualTo(WebhookEventTypes.all());
        assertThat(endpoint.secret()).startsWith("whsec_");
        assertThat(endpoint.createdAt()).isEqualTo(world.clock.instant());
        assertThat(world.endpointsService.get(SHOP, endpoint.id())).contains(endpoint);
    }

    @Test
    void a_url_the_guard_refuses_is_bad_input_on_field_url_and_stores_nothing() {
        world.refusal = Optional.of("url must use https");

        assertThatThrownBy(() -> world.endpointsService.create(
                new CreateWebhookEndpointCommand(SHOP, "http://hooks.example.com", Optional.empty())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("url"));

        assertThat(world.endpointsService.list(SHOP)).isEmpty();
    }

    @Test
    void a_business_has_at_most_sixteen_endpoints() {
        for (int i = 0; i < WebhookEndpointsService.ENDPOINTS_MAX; i++) {
            world.endpoint(SHOP, REFUND_CREATED);
        }

        CreateWebhookEndpointOutcome outcome = world.endpointsService.create(
                new CreateWebhookEndpointCommand(SHOP, URL, Optional.of(Set.of(PAYMENT_REFUNDED))));

        assertThat(outcome).isEqualTo(new CreateWebhookEndpointOutcome.LimitReached(16));
        assertThat(world.endpointsService.list(SHOP)).hasSize(16);
        assertThat(world.endpoint(OTHER_SHOP)).isNotNull();
    }

    @Test
    void another_business_can_neither_see_nor_delete_an_endpoint() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);

        assertThat(world.endpointsService.get(OTHER_SHOP, endpoint.id())).isEmpty();
        assertThat(world.endpointsService.list(OTHER_SHOP)).isEmpty();
        assertThat(world.endpointsService.delete(new DeleteWebhookEndpointCommand(OTHER_SHOP, endpoint.id())))
                .isFalse();
        assertThat(world.endpointsService.get(SHOP, endpoint.id())).isPresent();
    }

    @Test
    void a_deleted_endpoint_is_gone_and_its_pending_deliveries_stop() {
        WebhookEndpoint endpoint = world.endpoint(SHOP);
        world.event(SHOP, REFUND_CREATED);
        world.relay.relayDue();

        assertThat(world.endpointsService.delete(new DeleteWebhookEndpointCommand(SHOP, endpoint.id()))).isTrue();

        assertThat(world.endpointsService.get(SHOP, endpoint.id())).isEmpty();
        assertThat(world.endpointsService.list(SHOP)).isEmpty();
        assertThat(world.deliveriesOf(endpoint)).extracting(WebhookDelivery::status)
                .containsExactly(DeliveryStatus.FAILED);
        assertThat(world.endpointsService.delete(new DeleteWebhookEndpointCommand(SHOP, endpoint.id()))).isFalse();
    }

    @Test
    void a_command_refuses_an_empty_event_list_or_a_blank_url() {
        assertThatThrownBy(() -> new CreateWebhookEndpointCommand(SHOP, URL, Optional.of(Set.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreateWebhookEndpointCommand(SHOP, " ", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
