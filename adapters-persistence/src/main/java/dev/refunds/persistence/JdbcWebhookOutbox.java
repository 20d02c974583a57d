package dev.refunds.persistence;

import dev.refunds.application.webhook.WebhookEventTypes;
import dev.refunds.application.webhook.WebhookOutbox;
import dev.refunds.domain.business.BusinessId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@DatabaseBoundary
@Singleton
class JdbcWebhookOutbox implements WebhookOutbox {
    private final OutboxRelayRows rows;

    JdbcWebhookOutbox(OutboxRelayRows rows) {
        this.rows = rows;
    }

    @Override
    public List<Unrelayed> unrelayed(int max) {
        return rows.unrelayed(max).stream().map(row -> new Unrelayed(row.eventId(), new BusinessId(row.businessId()),
                WebhookEventTypes.byWireName(row.eventType()), Times.instant(row.occurredAtMs()))).toList();
    }

    @Override
    public boolean markRelayed(String eventId, Instant now) {
        return rows.markRelayed(eventId, Times.millis(now)) == 1;
    }

    @Override
    public int markAllRelayed(List<String> eventIds, Instant now) {
        return eventIds.isEmpty() ? 0 : (int) rows.markAllRelayed(eventIds, Times.millis(now));
    }

    @Override
    public Optional<String> payload(String eventId) {
        return rows.payload(eventId);
    }

    @Override
    public Map<String, String> payloads(Collection<String> eventIds) {
        return eventIds.isEmpty() ? Map.of() : rows.payloads(List.copyOf(eventIds)).stream()
                .collect(Collectors.toMap(EventPayloadRow::eventId, EventPayloadRow::payload));
    }
}
