package dev.refunds.application.webhook;

import dev.refunds.application.shared.Page;

import java.util.Optional;

/** The delivery log of a business's endpoints, and manual retries. */
public interface WebhookDeliveriesUseCase {
    /** Empty when the business has no such endpoint. */
    Optional<Page<WebhookDelivery>> list(ListDeliveriesCommand command);

    RetryDeliveryOutcome retry(RetryDeliveryCommand command);
}
