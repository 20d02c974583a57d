package dev.refunds.application.webhook;

import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.WebhookOutbox.Unrelayed;
import dev.refunds.domain.business.BusinessId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outbox relay. An event is fanned out in one transaction that also marks it relayed, and only if the mark
 * was this relay's ({@code … WHERE relayed_at_ms IS NULL}): several instances never fan one event out twice,
 * and a crash before the commit leaves the event for the next pass. Events no endpoint wants are marked in bulk,
 * so a backlog of them drains in a few statements.
 */
public final class RelayWebhookEventsService implements RelayWebhookEventsUseCase {
    private final WebhookOutbox outbox;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryStore deliveries;
    private final WebhookIds ids;
    private final Transactions transactions;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final int batchSize;

    public RelayWebhookEventsService(WebhookOutbox outbox, WebhookEndpointRepository endpoints,
                                     WebhookDeliveryStore deliveries, WebhookIds ids, Transactions transactions,
                                     Clock clock, RetrySchedule schedule, int batchSize) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batchSize must be 1-1000");
        }
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
        this.schedule = schedule;
        this.batchSize = batchSize;
    }

    @Override
    public int relayDue() {
        List<Unrelayed> events = outbox.unrelayed(batchSize);
        if (events.isEmpty()) {
            return 0;
        }
        Set<BusinessId> businesses = events.stream().map(Unrelayed::businessId).collect(Collectors.toSet());
        List<WebhookEndpoint> candidates = endpoints.listForBusinesses(businesses);
        List<Unrelayed> wanted = new ArrayList<>();
        List<String> unwanted = new ArrayList<>();
        for (Unrelayed event : events) {
            if (candidates.stream().anyMatch(endpoint -> wants(endpoint, event))) {
                wanted.add(event);
            } else {
                unwanted.add(event.eventId());
            }
        }
        // One transaction for the batch: one commit, not one per event. Instances relaying the same batch take
        // its events in the same order, so they wait for each other rather than deadlock.
        transactions.inTransaction(() -> {
            Map<BusinessId, List<WebhookEndpoint>> endpointsOf = new HashMap<>();
            wanted.forEach(event -> fanOut(event, endpointsOf.computeIfAbsent(event.businessId(), endpoints::list)));
            if (!unwanted.isEmpty()) {
                outbox.markAllRelayed(unwanted, clock.instant());
            }
            return null;
        });
        return events.size();
    }

    /**
     * One delivery per endpoint that wants the event; {@code current} is the business's endpoints read again inside
     * the transaction that claims it (once per business and batch, not once per event).
     */
    private int fanOut(Unrelayed event, List<WebhookEndpoint> current) {
        Instant now = clock.instant();
        if (!outbox.markRelayed(event.eventId(), now)) {
            return 0;   // another instance relayed it
        }
        int created = 0;
        for (WebhookEndpoint endpoint : current) {
            if (wants(endpoint, event)) {
                deliveries.insert(WebhookDelivery.pending(ids.newDeliveryId(), endpoint, event.eventId(),
                        event.type().orElseThrow(), schedule.attemptsMax(), now));
                created++;
            }
        }
        return created;
    }

    private static boolean wants(WebhookEndpoint endpoint, Unrelayed event) {
        return endpoint.businessId().equals(event.businessId()) && event.type().isPresent()
                && endpoint.receives(event.type().get(), event.occurredAt());
    }
}
