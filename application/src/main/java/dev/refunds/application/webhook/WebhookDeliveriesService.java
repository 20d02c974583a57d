package dev.refunds.application.webhook;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.Transactions;

import java.time.Clock;
import java.util.Optional;

public final class WebhookDeliveriesService implements WebhookDeliveriesUseCase {
    /** A manual retry is one attempt; if it fails too, the delivery is {@code FAILED} again. */
    static final int MANUAL_RETRY_ATTEMPTS = 1;

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryStore deliveries;
    private final Transactions transactions;
    private final Clock clock;

    public WebhookDeliveriesService(WebhookEndpointRepository endpoints, WebhookDeliveryStore deliveries,
                                    Transactions transactions, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<Page<WebhookDelivery>> list(ListDeliveriesCommand command) {
        return endpoints.findById(command.businessId(), command.endpointId())
                .map(endpoint -> deliveries.listForEndpoint(command.businessId(), endpoint.id(), command.page()));
    }

    @Override
    public RetryDeliveryOutcome retry(RetryDeliveryCommand command) {
        return transactions.inTransaction(() -> {
            Optional<WebhookDelivery> found = deliveries.findById(command.businessId(), command.deliveryId())
                    .filter(delivery -> endpoints.findById(command.businessId(), delivery.endpointId()).isPresent());
            if (found.isEmpty()) {
                return new RetryDeliveryOutcome.NotFound();
            }
            if (found.get().status() != DeliveryStatus.FAILED || !deliveries.retryFailed(command.businessId(),
                    command.deliveryId(), MANUAL_RETRY_ATTEMPTS, clock.instant())) {
                // Re-read: a racing retry may have made it PENDING since it was read.
                return new RetryDeliveryOutcome.NotFailed(deliveries.findById(command.businessId(),
                        command.deliveryId()).map(WebhookDelivery::status).orElse(found.get().status()));
            }
            return new RetryDeliveryOutcome.Retried(
                    deliveries.findById(command.businessId(), command.deliveryId()).orElseThrow());
        });
    }
}
