package dev.refunds.application.webhook;

import dev.refunds.domain.business.BusinessId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
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

    /** Enables the endpoint (it gets deliveries again); empty when there is no such endpoint. */
    Optional<WebhookEndpoint> enable(BusinessId businessId, String endpointId);

    /**
     * A new signing secret; the current one signs beside it for {@code retiringFor} (0 – 7 days, else
     * {@code InvalidInputException}). Empty when there is no such endpoint.
     */
    Optional<String> rotateSecret(BusinessId businessId, String endpointId, Duration retiringFor);

    /**
     * Every {@code FAILED} delivery of the endpoint created in [{@code since}, {@code until}) is sent again (one
     * attempt each); {@code since} at most 14 days back, else {@code InvalidInputException}. Empty when there is no
     * such endpoint, else how many.
     */
    OptionalInt recover(BusinessId businessId, String endpointId, Instant since, Optional<Instant> until);
}
