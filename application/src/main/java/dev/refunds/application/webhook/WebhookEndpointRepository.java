package dev.refunds.application.webhook;

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

    /** {@link #findForDelivery}, with whether the endpoint is failing: what an attempt needs, in one read. */
    Optional<DeliveryTarget> targetOf(String endpointId);

    /** Locks the business's endpoints until the transaction ends: creations take turns, the limit holds. */
    void lockBusiness(BusinessId businessId);

    /** A delivery succeeded: the endpoint is no longer failing. */
    void recordSuccess(String endpointId);

    /**
     * An attempt failed: the endpoint is failing from {@code now} unless it already was; when it has failed since
     * {@code disableIfFailingSince} or earlier it is disabled. True when this call disabled it.
     */
    boolean recordFailure(String endpointId, Instant now, Instant disableIfFailingSince);

    /** Disables an enabled endpoint (it answered 410); true when this call disabled it. */
    boolean disable(String endpointId);

    /** Enables the endpoint and forgets its failures; false when the business has no such endpoint. */
    boolean enable(BusinessId businessId, String endpointId);

    /** A new signing secret; the current one keeps signing until {@code retiringUntil}. False when no endpoint. */
    boolean rotateSecret(BusinessId businessId, String endpointId, String newSecret, Instant retiringUntil);

    /** Marks the endpoint deleted; false when the business has no such endpoint. */
    boolean delete(BusinessId businessId, String endpointId, Instant now);
}
