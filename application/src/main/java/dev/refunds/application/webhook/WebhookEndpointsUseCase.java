package dev.refunds.application.webhook;

import dev.refunds.domain.business.BusinessId;

import java.util.List;
import java.util.Optional;

/** A business's webhook endpoints; another business's endpoint looks exactly like a missing one. */
public interface WebhookEndpointsUseCase {
    /** Throws {@code InvalidInputException} (field {@code url}) for a URL the target guard refuses. */
    CreateWebhookEndpointOutcome create(CreateWebhookEndpointCommand command);

    Optional<WebhookEndpoint> get(BusinessId businessId, String endpointId);

    /** Oldest first. */
    List<WebhookEndpoint> list(BusinessId businessId);

    /** Deletes the endpoint and stops its pending deliveries; false when there is no such endpoint. */
    boolean delete(DeleteWebhookEndpointCommand command);
}
