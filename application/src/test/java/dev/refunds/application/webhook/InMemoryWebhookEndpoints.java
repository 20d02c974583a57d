package dev.refunds.application.webhook;

import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Endpoints in insertion order; deleted ones stay, hidden, as in the table. */
final class InMemoryWebhookEndpoints implements WebhookEndpointRepository {
    private final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    private final Set<String> deleted = new HashSet<>();
    private final Map<String, Instant> failingSince = new LinkedHashMap<>();
    /** Writes of a success to an endpoint's row: on a database each one queues on that row's lock. */
    int successWrites;

    @Override
    public void insert(WebhookEndpoint endpoint) {
        if (endpoints.putIfAbsent(endpoint.id(), endpoint) != null) {
            throw new IllegalStateException("duplicate endpoint id " + endpoint.id());
        }
    }

    @Override
    public Optional<WebhookEndpoint> findById(BusinessId businessId, String endpointId) {
        return findForDelivery(endpointId).filter(endpoint -> endpoint.businessId().equals(businessId));
    }

    @Override
    public List<WebhookEndpoint> list(BusinessId businessId) {
        return live().stream().filter(endpoint -> endpoint.businessId().equals(businessId)).toList();
    }

    @Override
    public List<WebhookEndpoint> listForBusinesses(Collection<BusinessId> businessIds) {
        return live().stream().filter(endpoint -> businessIds.contains(endpoint.businessId())).toList();
    }

    @Override
    public Optional<WebhookEndpoint> findForDelivery(String endpointId) {
        return deleted.contains(endpointId) ? Optional.empty() : Optional.ofNullable(endpoints.get(endpointId));
    }

    @Override
    public Optional<DeliveryTarget> targetOf(String endpointId) {
        return findForDelivery(endpointId).map(endpoint -> new DeliveryTarget(endpoint,
                failingSince.containsKey(endpointId)));
    }

    @Override
    public boolean delete(BusinessId businessId, String endpointId, Instant now) {
        return findById(businessId, endpointId).isPresent() && deleted.add(endpointId);
    }

    @Override
    public void lockBusiness(BusinessId businessId) {
        // one thread at a time here: the test world runs its use cases in order
    }

    @Override
    public void recordSuccess(String endpointId) {
        successWrites++;
        failingSince.remove(endpointId);
    }

    @Override
    public boolean recordFailure(String endpointId, Instant now, Instant disableIfFailingSince) {
        Instant since = failingSince.computeIfAbsent(endpointId, key -> now);
        return !since.isAfter(disableIfFailingSince) && disable(endpointId);
    }

    @Override
    public boolean disable(String endpointId) {
        Optional<WebhookEndpoint> found = findForDelivery(endpointId)
                .filter(endpoint -> endpoint.status() == EndpointStatus.ENABLED);
        found.ifPresent(endpoint -> endpoints.put(endpointId, with(endpoint, EndpointStatus.DISABLED,
                endpoint.secret(), endpoint.retiringSecret())));
        return found.isPresent();
    }

    @Override
    public boolean enable(BusinessId businessId, String endpointId) {
        Optional<WebhookEndpoint> found = findById(businessId, endpointId);
        found.ifPresent(endpoint -> endpoints.put(endpointId, with(endpoint, EndpointStatus.ENABLED,
                endpoint.secret(), endpoint.retiringSecret())));
        failingSince.remove(endpointId);
        return found.isPresent();
    }

    @Override
    public boolean rotateSecret(BusinessId businessId, String endpointId, String newSecret, Instant retiringUntil) {
        Optional<WebhookEndpoint> found = findById(businessId, endpointId);
        found.ifPresent(endpoint -> endpoints.put(endpointId, with(endpoint, endpoint.status(), newSecret,
                Optional.of(new WebhookEndpoint.RetiringSecret(endpoint.secret(), retiringUntil)))));
        return found.isPresent();
    }

    private static WebhookEndpoint with(WebhookEndpoint old, EndpointStatus status, String secret,
                                        Optional<WebhookEndpoint.RetiringSecret> retiring) {
        return new WebhookEndpoint(old.id(), old.businessId(), old.url(), old.events(), secret, old.createdAt(),
                status, retiring);
    }

    private List<WebhookEndpoint> live() {
        return endpoints.values().stream().filter(endpoint -> !deleted.contains(endpoint.id())).toList();
    }
}
