package dev.refunds.application.webhook;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deliveries with the same claim rules as the SQL: due, not leased (or lease expired), token to finish. */
final class InMemoryWebhookDeliveries implements WebhookDeliveryStore {
    private final Map<String, WebhookDelivery> deliveries = new LinkedHashMap<>();
    private final Map<String, String> leaseTokens = new LinkedHashMap<>();
    private final Map<String, Instant> leaseUntil = new LinkedHashMap<>();

    @Override
    public synchronized void insert(WebhookDelivery delivery) {
        boolean sameEventAndEndpoint = deliveries.values().stream().anyMatch(existing ->
                existing.eventId().equals(delivery.eventId()) && existing.endpointId().equals(delivery.endpointId()));
        if (sameEventAndEndpoint || deliveries.putIfAbsent(delivery.deliveryId(), delivery) != null) {
            throw new IllegalStateException("duplicate delivery " + delivery);
        }
    }

    @Override
    public synchronized Optional<WebhookDelivery> findById(BusinessId businessId, String deliveryId) {
        return Optional.ofNullable(deliveries.get(deliveryId))
                .filter(delivery -> delivery.businessId().equals(businessId));
    }

    @Override
    public synchronized Page<WebhookDelivery> listForEndpoint(BusinessId businessId, String endpointId,
                                                              PageRequest page) {
        List<WebhookDelivery> newestFirst = new ArrayList<>(deliveries.values().stream()
                .filter(d -> d.businessId().equals(businessId) && d.endpointId().equals(endpointId)).toList());
        java.util.Collections.reverse(newestFirst);
        int start = 0;
        if (page.startingAfter().isPresent()) {
            String cursor = page.startingAfter().get();
            int index = newestFirst.stream().map(WebhookDelivery::deliveryId).toList().indexOf(cursor);
            if (index < 0) {
                throw new InvalidInputException("startingAfter", "unknown cursor");
            }
            start = index + 1;
        }
        List<WebhookDelivery> rest = newestFirst.subList(start, newestFirst.size());
        return new Page<>(rest.subList(0, Math.min(page.limit(), rest.size())), rest.size() > page.limit());
    }

    @Override
    public synchronized List<Due> due(Instant now, int max, int perEndpoint) {
        Map<String, List<WebhookDelivery>> lanes = new LinkedHashMap<>();
        deliveries.values().stream().filter(d -> isDue(d, now))
                .sorted(Comparator.comparing(d -> d.nextAttemptAt().orElseThrow()))
                .forEach(d -> lanes.computeIfAbsent(d.endpointId(), key -> new ArrayList<>()).add(d));
        lanes.replaceAll((endpoint, lane) -> lane.subList(0,
                (int) Math.max(0, Math.min(lane.size(), perEndpoint - inFlight(endpoint, now)))));
        List<Due> fair = new ArrayList<>();
        for (int rank = 0; fair.size() < max && lanes.values().stream().anyMatch(lane -> !lane.isEmpty()); rank++) {
            for (List<WebhookDelivery> lane : lanes.values()) {
                if (rank < lane.size() && fair.size() < max) {
                    WebhookDelivery d = lane.get(rank);
                    fair.add(new Due(d.deliveryId(), d.endpointId(), d.eventId(), d.attemptsLeft()));
                }
            }
            int next = rank + 1;
            lanes.values().removeIf(lane -> lane.size() <= next);
        }
        return fair;
    }

    private long inFlight(String endpointId, Instant now) {
        return deliveries.values().stream().filter(d -> d.endpointId().equals(endpointId)
                && d.status() == DeliveryStatus.PENDING && leaseUntil.containsKey(d.deliveryId())
                && !leaseUntil.get(d.deliveryId()).isBefore(now)).count();
    }

    /** Claims that throw before this store answers (a database gone mid-pass). */
    int claimsToFail;

    @Override
    public synchronized boolean claim(Due due, String leaseToken, Instant now, Instant until, int perEndpoint) {
        if (claimsToFail > 0) {
            claimsToFail--;
            throw new IllegalStateException("database unreachable");
        }
        String deliveryId = due.deliveryId();
        WebhookDelivery delivery = deliveries.get(deliveryId);
        if (delivery == null || !isDue(delivery, now) || inFlight(delivery.endpointId(), now) >= perEndpoint) {
            return false;
        }
        leaseTokens.put(deliveryId, leaseToken);
        leaseUntil.put(deliveryId, until);
        return true;
    }

    @Override
    public void holdEndpoint(String endpointId) {
        // every call of this store runs under its monitor: one at a time, as under the endpoint's row lock
    }

    @Override
    public synchronized Optional<Due> claimNext(String endpointId, String leaseToken, Instant now, Instant until,
                                                int perEndpoint) {
        Optional<Due> next = due(now, Integer.MAX_VALUE, perEndpoint).stream()
                .filter(due -> due.endpointId().equals(endpointId)).findFirst();
        next.ifPresent(due -> {
            leaseTokens.put(due.deliveryId(), leaseToken);
            leaseUntil.put(due.deliveryId(), until);
        });
        return next;
    }

    @Override
    public synchronized boolean finish(String deliveryId, String leaseToken, Optional<DeliveryAttempt> attempt,
                                       DeliveryStatus status, int attemptsLeft, Optional<Instant> nextAttemptAt) {
        if (!leaseToken.equals(leaseTokens.get(deliveryId))) {
            return false;
        }
        WebhookDelivery old = deliveries.get(deliveryId);
        List<DeliveryAttempt> attempts = new ArrayList<>(old.attempts());
        attempt.ifPresent(attempts::add);
        deliveries.put(deliveryId, new WebhookDelivery(old.deliveryId(), old.endpointId(), old.businessId(),
                old.eventId(), old.eventType(), status, attemptsLeft, nextAttemptAt, attempts, old.createdAt()));
        leaseTokens.remove(deliveryId);
        leaseUntil.remove(deliveryId);
        return true;
    }

    @Override
    public synchronized boolean retryFailed(BusinessId businessId, String deliveryId, int attemptsLeft, Instant now) {
        Optional<WebhookDelivery> found = findById(businessId, deliveryId)
                .filter(d -> d.status() == DeliveryStatus.FAILED);
        found.ifPresent(old -> replace(old, DeliveryStatus.PENDING, attemptsLeft, Optional.of(now)));
        return found.isPresent();
    }

    @Override
    public synchronized int recoverFailed(String endpointId, Instant since, Instant until, int attemptsLeft,
                                          Instant now) {
        List<WebhookDelivery> failed = deliveries.values().stream().filter(d -> d.endpointId().equals(endpointId)
                && d.status() == DeliveryStatus.FAILED && !d.createdAt().isBefore(since)
                && d.createdAt().isBefore(until)).toList();
        failed.forEach(old -> replace(old, DeliveryStatus.PENDING, attemptsLeft, Optional.of(now)));
        return failed.size();
    }

    @Override
    public synchronized int stopPending(String endpointId) {
        List<WebhookDelivery> pending = deliveries.values().stream()
                .filter(d -> d.endpointId().equals(endpointId) && d.status() == DeliveryStatus.PENDING).toList();
        pending.forEach(old -> replace(old, DeliveryStatus.FAILED, old.attemptsLeft(), Optional.empty()));
        return pending.size();
    }

    /** The store as it is now; running the result puts it back, as a rolled-back transaction would. */
    synchronized Runnable snapshot() {
        Map<String, WebhookDelivery> rows = new LinkedHashMap<>(deliveries);
        Map<String, String> tokens = new LinkedHashMap<>(leaseTokens);
        Map<String, Instant> until = new LinkedHashMap<>(leaseUntil);
        return () -> {
            synchronized (this) {
                deliveries.clear();
                deliveries.putAll(rows);
                leaseTokens.clear();
                leaseTokens.putAll(tokens);
                leaseUntil.clear();
                leaseUntil.putAll(until);
            }
        };
    }

    synchronized List<WebhookDelivery> all() {
        return List.copyOf(deliveries.values());
    }

    synchronized WebhookDelivery get(String deliveryId) {
        return deliveries.get(deliveryId);
    }

    private void replace(WebhookDelivery old, DeliveryStatus status, int attemptsLeft, Optional<Instant> next) {
        deliveries.put(old.deliveryId(), new WebhookDelivery(old.deliveryId(), old.endpointId(), old.businessId(),
                old.eventId(), old.eventType(), status, attemptsLeft, next, old.attempts(), old.createdAt()));
    }

    private boolean isDue(WebhookDelivery delivery, Instant now) {
        Instant until = leaseUntil.get(delivery.deliveryId());
        return delivery.status() == DeliveryStatus.PENDING && !delivery.nextAttemptAt().orElseThrow().isAfter(now)
                && (until == null || until.isBefore(now));
    }
}
