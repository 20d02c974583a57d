package dev.refunds.application.webhook;

import dev.refunds.application.shared.BoundedExecutor;
import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.AttemptOutcomes.Claimed;
import dev.refunds.application.webhook.WebhookDeliveryStore.Due;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers due webhooks on a fixed pool of senders. A delivery is claimed (a lease in the database) only when a
 * sender is free, so no claim waits in a queue while its lease runs out; the HTTP call runs outside any
 * transaction; its outcome is written only while the claim is still ours. A worker that dies mid-attempt leaves
 * a lease that expires, and the delivery is attempted again: at least once, never by two workers at a time.
 */
public final class DeliverWebhooksService implements DeliverWebhooksUseCase {
    static final String TARGET_REFUSED = "target refused";
    static final String EVENT_MISSING = "event body missing";
    private static final System.Logger LOG = System.getLogger(DeliverWebhooksService.class.getName());

    private final WebhookDeliveryStore deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookOutbox outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final DeliverySettings settings;
    private final BoundedExecutor senders;
    private final DeliveryLanes lanes;
    private final RunningAttempts running = new RunningAttempts();
    /** The last pass started attempts: a backlog is streaming through the senders. */
    private volatile boolean streaming;

    public DeliverWebhooksService(WebhookDeliveryStore deliveries, WebhookEndpointRepository endpoints,
                                  WebhookOutbox outbox, WebhookTargetGuard guard, WebhookSender sender,
                                  Transactions transactions, Clock clock, DeliverySettings settings,
                                  BoundedExecutor senders) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.senders = senders;
        this.lanes = new DeliveryLanes(endpoints, outbox, guard, sender, clock,
                new AttemptOutcomes(deliveries, endpoints, transactions, clock, settings), senders);
    }

    /**
     * Reads a batch of due deliveries and starts them as senders come free, waiting at most {@code senderWait} for
     * one: a backlog streams through the pool instead of waiting a poll per pool-full. Each time, every free sender
     * is taken at once and its deliveries are claimed in one transaction (one commit, not one per delivery).
     */
    @Override
    public int deliverDue() {
        running.newPass();
        int started = startDue();
        if (started == 0 && streaming && running.awaitAnEnd(settings.senderWait())) {
            started = startDue();   // an attempt ended while a backlog streams: its endpoint has room again
        }
        streaming = started > 0;
        return started;
    }

    private int startDue() {
        if (senders.free() == 0 && settings.senderWait().isZero()) {
            return 0;
        }
        List<Due> due = deliveries.due(clock.instant(), settings.batchSize(), settings.perEndpoint());
        int started = 0;
        int next = 0;
        while (next < due.size()) {
            int taken = senders.reserve(due.size() - next, settings.senderWait());
            if (taken == 0) {
                break;
            }
            started += start(due.subList(next, next + taken));
            next += taken;
        }
        return started;
    }

    /**
     * Claims the deliveries and hands each claimed one to a sender; the caller holds one reserved sender per
     * delivery, and a sender is held until its attempt ends. Returns how many were handed over.
     */
    private int start(List<Due> group) {
        List<Claimed> claimed;
        try {
            claimed = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                List<Claimed> ours = new ArrayList<>(group.size());
                for (Due due : inLockOrder(group)) {
                    String token = UUID.randomUUID().toString();
                    if (deliveries.claim(due, token, now, now.plus(settings.lease()), settings.perEndpoint())) {
                        ours.add(new Claimed(due, token));
                    }
                }
                return ours;
            });
        } catch (RuntimeException e) {
            senders.release(group.size());
            throw e;
        }
        senders.release(group.size() - claimed.size());
        Map<String, String> payloads = payloadsOf(claimed);
        for (int handed = 0; handed < claimed.size(); handed++) {
            Claimed delivery = claimed.get(handed);
            if (!senders.run(running.track(() -> lanes.run(delivery, payloads)))) {
                // their leases run out and another worker (or this one, restarted) takes them
                running.notStarted();
                senders.release(claimed.size() - handed - 1);
                return handed;
            }
        }
        return claimed.size();
    }

    /** A claim locks its endpoint: one order on every instance, so two claiming transactions never deadlock. */
    private static List<Due> inLockOrder(List<Due> group) {
        List<Due> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing(Due::endpointId));
        return ordered;
    }

    /**
     * The bodies of the claimed deliveries' events, read once for the group rather than once per attempt while it
     * holds its endpoint's slot; null when that read fails, and each attempt then reads its own.
     */
    private Map<String, String> payloadsOf(List<Claimed> claimed) {
        try {
            return outbox.payloads(claimed.stream().map(delivery -> delivery.due().eventId()).distinct().toList());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reading the events of " + claimed.size() + " deliveries failed;"
                    + " each attempt reads its own", e);
            return null;
        }
    }
}
