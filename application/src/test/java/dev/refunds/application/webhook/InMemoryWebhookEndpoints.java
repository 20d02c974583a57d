package dev.refunds.application.webhook;

import dev.refunds.application.port.WebhookEndpointRepository;
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
    public boolean delete(BusinessId businessId, String endpointId, Instant now) {
        return findById(businessId, endpointId).isPresent() && deleted.add(endpointId);
    }

    private List<WebhookEndpoint> live() {
        return endpoints.values().stream().filter(endpoint -> !deleted.contains(endpoint.id())).toList();
    }
}
