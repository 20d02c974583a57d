package dev.refunds.application.port;

import dev.refunds.application.webhook.WebhookEndpoint;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints. A deleted endpoint is gone for every query: it neither shows nor receives anything. */
public interface WebhookEndpointRepository {
    void insert(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> findById(BusinessId businessId, String endpointId);

    /** The business's endpoints, oldest first. */
    List<WebhookEndpoint> list(BusinessId businessId);

    /** The endpoints of any of these businesses: the relay's one look-up for a batch of events. */
    List<WebhookEndpoint> listForBusinesses(Collection<BusinessId> businessIds);

    /** Where a claimed delivery goes; empty once the endpoint was deleted. */
    Optional<WebhookEndpoint> findForDelivery(String endpointId);

    /** Marks the endpoint deleted; false when the business has no such endpoint. */
    boolean delete(BusinessId businessId, String endpointId, Instant now);
}
