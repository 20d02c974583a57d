package dev.refunds.persistence;

import dev.refunds.application.webhook.DeliveryTarget;
import dev.refunds.application.webhook.WebhookEndpoint;
import dev.refunds.application.webhook.WebhookEndpointRepository;
import dev.refunds.domain.business.BusinessId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcWebhookEndpointRepository implements WebhookEndpointRepository {
    private final WebhookEndpointRows rows;

    JdbcWebhookEndpointRepository(WebhookEndpointRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(WebhookEndpoint endpoint) {
        rows.insert(endpoint.id(), endpoint.businessId().value(), endpoint.url(),
                WebhookEndpointRow.eventTypesOf(endpoint.events()), endpoint.secret(),
                Times.millis(endpoint.createdAt()));
    }

    @Override
    public Optional<WebhookEndpoint> findById(BusinessId businessId, String endpointId) {
        return rows.find(businessId.value(), endpointId).map(WebhookEndpointRow::toDomain);
    }

    @Override
    public List<WebhookEndpoint> list(BusinessId businessId) {
        return rows.list(businessId.value()).stream().map(WebhookEndpointRow::toDomain).toList();
    }

    @Override
    public List<WebhookEndpoint> listForBusinesses(Collection<BusinessId> businessIds) {
        if (businessIds.isEmpty()) {
            return List.of();
        }
        return rows.listForBusinesses(businessIds.stream().map(BusinessId::value).toList()).stream()
                .map(WebhookEndpointRow::toDomain).toList();
    }

    @Override
    public Optional<WebhookEndpoint> findForDelivery(String endpointId) {
        return rows.findLive(endpointId).map(WebhookEndpointRow::toDomain);
    }

    @Override
    public Optional<DeliveryTarget> targetOf(String endpointId) {
        return rows.findLive(endpointId).map(row -> new DeliveryTarget(row.toDomain(), row.failingSinceMs() != null));
    }

    @Override
    public boolean delete(BusinessId businessId, String endpointId, Instant now) {
        return rows.delete(businessId.value(), endpointId, Times.millis(now)) == 1;
    }

    @Override
    public void lockBusiness(BusinessId businessId) {
        rows.lockBusiness(businessId.value());
    }

    @Override
    public void recordSuccess(String endpointId) {
        rows.recordSuccess(endpointId);
    }

    @Override
    public boolean recordFailure(String endpointId, Instant now, Instant disableIfFailingSince) {
        rows.recordFailure(endpointId, Times.millis(now));
        return rows.disableIfFailingSince(endpointId, Times.millis(disableIfFailingSince)) == 1;
    }

    @Override
    public boolean disable(String endpointId) {
        return rows.disable(endpointId) == 1;
    }

    @Override
    public boolean enable(BusinessId businessId, String endpointId) {
        return rows.enable(businessId.value(), endpointId) == 1;
    }

    @Override
    public boolean rotateSecret(BusinessId businessId, String endpointId, String newSecret, Instant retiringUntil) {
        return rows.rotateSecret(businessId.value(), endpointId, newSecret, Times.millis(retiringUntil)) == 1;
    }
}
