package dev.refunds.persistence;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.application.webhook.DeliveryAttempt;
import dev.refunds.application.webhook.DeliveryStatus;
import dev.refunds.application.webhook.WebhookDelivery;
import dev.refunds.application.webhook.WebhookDeliveryStore;
import dev.refunds.domain.business.BusinessId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@DatabaseBoundary
@Singleton
class JdbcWebhookDeliveryStore implements WebhookDeliveryStore {
    private final WebhookDeliveryRows rows;
    private final WebhookAttemptRows attempts;
    private final WebhookEndpointRows endpointLocks;

    JdbcWebhookDeliveryStore(WebhookDeliveryRows rows, WebhookAttemptRows attempts,
                             WebhookEndpointRows endpointLocks) {
        this.rows = rows;
        this.attempts = attempts;
        this.endpointLocks = endpointLocks;
    }

    @Override
    public void insert(WebhookDelivery delivery) {
        rows.insert(delivery.deliveryId(), delivery.endpointId(), delivery.businessId().value(), delivery.eventId(),
                delivery.eventType().wireName(), delivery.status().name(), delivery.attemptsLeft(),
                delivery.nextAttemptAt().map(Times::millis).orElse(null), Times.millis(delivery.createdAt()));
    }

    @Override
    public Optional<WebhookDelivery> findById(BusinessId businessId, String deliveryId) {
        return rows.find(businessId.value(), deliveryId).map(row -> withAttempts(List.of(row)).get(0));
    }

    @Override
    public Page<WebhookDelivery> listForEndpoint(BusinessId businessId, String endpointId, PageRequest page) {
        String business = businessId.value();
        long before = Pages.cursorSeq(page, cursor -> rows.findSeq(business, endpointId, cursor), Long.MAX_VALUE);
        List<WebhookDeliveryRow> found = rows.pageBefore(business, endpointId, before, page.limit() + 1);
        Page<WebhookDeliveryRow> rowPage = Pages.of(found, page, row -> row);
        return new Page<>(withAttempts(rowPage.items()), rowPage.hasMore());
    }

    @Override
    public List<Due> due(Instant now, int max, int perEndpoint) {
        return rows.due(Times.millis(now), max, perEndpoint).stream().map(JdbcWebhookDeliveryStore::due).toList();
    }

    private static Due due(WebhookDeliveryRow row) {
        return new Due(row.deliveryId(), row.endpointId(), row.eventId(), row.attemptsLeft());
    }

    @Override
    public boolean claim(Due due, String leaseToken, Instant now, Instant leaseUntil, int perEndpoint) {
        long nowMs = Times.millis(now);
        endpointLocks.lock(due.endpointId());   // every instance's claims to this endpoint queue here
        if (rows.inFlight(due.endpointId(), nowMs) >= perEndpoint) {
            return false;
        }
        return rows.claim(due.deliveryId(), leaseToken, nowMs, Times.millis(leaseUntil)) == 1;
    }

    @Override
    public void holdEndpoint(String endpointId) {
        endpointLocks.lock(endpointId);
    }

    @Override
    public Optional<Due> claimNext(String endpointId, String leaseToken, Instant now, Instant leaseUntil,
                                   int perEndpoint) {
        long nowMs = Times.millis(now);
        if (rows.inFlight(endpointId, nowMs) >= perEndpoint) {
            return Optional.empty();
        }
        return rows.nextDue(endpointId, nowMs)
                .filter(row -> rows.claim(row.deliveryId(), leaseToken, nowMs, Times.millis(leaseUntil)) == 1)
                .map(JdbcWebhookDeliveryStore::due);
    }

    @Override
    public boolean finish(String deliveryId, String leaseToken, Optional<DeliveryAttempt> attempt,
                          DeliveryStatus status, int attemptsLeft, Optional<Instant> nextAttemptAt) {
        if (rows.finish(deliveryId, leaseToken, status.name(), attemptsLeft,
                nextAttemptAt.map(Times::millis).orElse(null)) != 1) {
            return false;
        }
        attempt.ifPresent(made -> attempts.insert(deliveryId, Times.millis(made.at()), made.statusCode().orElse(null),
                made.latencyMs(), made.error().orElse(null)));
        return true;
    }

    @Override
    public boolean retryFailed(BusinessId businessId, String deliveryId, int attemptsLeft, Instant now) {
        return rows.retryFailed(businessId.value(), deliveryId, attemptsLeft, Times.millis(now)) == 1;
    }

    @Override
    public int recoverFailed(String endpointId, Instant since, Instant until, int attemptsLeft, Instant now) {
        return (int) rows.recoverFailed(endpointId, Times.millis(since), Times.millis(until), attemptsLeft,
                Times.millis(now));
    }

    @Override
    public int stopPending(String endpointId) {
        return (int) rows.stopPending(endpointId);
    }

    /** The deliveries with their attempts, read in one query for the lot. */
    private List<WebhookDelivery> withAttempts(List<WebhookDeliveryRow> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<String, List<DeliveryAttempt>> byDelivery = attempts.forDeliveries(
                deliveries.stream().map(WebhookDeliveryRow::deliveryId).toList()).stream()
                .collect(Collectors.groupingBy(WebhookAttemptRow::deliveryId,
                        Collectors.mapping(WebhookAttemptRow::toDomain, Collectors.toList())));
        return deliveries.stream().map(row -> row.toDomain(byDelivery.getOrDefault(row.deliveryId(), List.of())))
                .toList();
    }
}
