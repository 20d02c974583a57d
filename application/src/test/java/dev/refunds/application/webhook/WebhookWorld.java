package dev.refunds.application.webhook;

import dev.refunds.application.fakes.DirectTransactions;
import dev.refunds.application.fakes.InlineSlots;
import dev.refunds.application.fakes.MutableClock;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.WebhookOutbox.Unrelayed;
import dev.refunds.domain.business.BusinessId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The webhook use cases over in-memory fakes, wired the way {@code bootstrap} wires the real ones. */
final class WebhookWorld {
    static final Instant START = Instant.parse("2026-05-17T09:00:00Z");
    static final BusinessId SHOP = new BusinessId("HB_shop");
    static final BusinessId OTHER_SHOP = new BusinessId("HB_other");
    static final String URL = "https://hooks.example.com/refunds";
    static final RetrySchedule SCHEDULE = RetrySchedule.parse("5s,5m,30m");
    static final Duration DISABLE_AFTER = Duration.ofDays(5);

    final MutableClock clock = new MutableClock(START);
    final DirectTransactions transactions = new DirectTransactions();
    final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    final InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries();
    final InMemoryWebhookOutbox outbox = new InMemoryWebhookOutbox();
    final ScriptedSender sender = new ScriptedSender();
    final SequentialWebhookIds ids = new SequentialWebhookIds();
    /** The guard's answer; a test sets a refusal to play a name that now resolves inside. */
    Optional<String> refusal = Optional.empty();
    /** Attempts handed to the sender pool and not run yet (when the pool is held). */
    final List<Runnable> held = new ArrayList<>();
    boolean holdSenders;

    final WebhookEndpointsService endpointsService =
            new WebhookEndpointsService(endpoints, deliveries, url -> refusal, ids, transactions, clock);
    final WebhookDeliveriesService deliveriesService =
            new WebhookDeliveriesService(endpoints, deliveries, transactions, clock);
    final RelayWebhookEventsService relay =
            new RelayWebhookEventsService(outbox, endpoints, deliveries, ids, transactions, clock, SCHEDULE, 10);
    final DeliverWebhooksService deliver;
    private int events;

    WebhookWorld(int concurrency) {
        this(concurrency, concurrency);
    }

    WebhookWorld(int concurrency, int perEndpoint) {
        InlineSlots pool = new InlineSlots(concurrency, task -> {
            if (holdSenders) {
                held.add(task);
            } else {
                task.run();
            }
        });
        deliver = new DeliverWebhooksService(deliveries, endpoints, outbox, url -> refusal, sender, transactions,
                clock, new DeliverySettings(SCHEDULE, Duration.ofSeconds(60), concurrency, 100, Duration.ZERO,
                perEndpoint, DISABLE_AFTER), pool);
    }

    WebhookWorld() {
        this(4);
    }

    WebhookEndpoint endpoint(BusinessId business, RefundEventType... types) {
        Optional<Set<RefundEventType>> events = types.length == 0 ? Optional.empty() : Optional.of(Set.of(types));
        CreateWebhookEndpointOutcome outcome =
                endpointsService.create(new CreateWebhookEndpointCommand(business, URL, events));
        return ((CreateWebhookEndpointOutcome.Created) outcome).endpoint();
    }

    Unrelayed event(BusinessId business, RefundEventType type) {
        clock.advance(Duration.ofMillis(10));
        return outbox.add("evt_" + ++events, business, type, clock.instant());
    }

    /** One relay pass and then as many delivery passes as there is due work. */
    void relayAndDeliver() {
        relay.relayDue();
        while (deliver.deliverDue() > 0) {
            // each pass claims what is due now
        }
    }

    List<WebhookDelivery> deliveriesOf(WebhookEndpoint endpoint) {
        return deliveries.all().stream().filter(d -> d.endpointId().equals(endpoint.id())).toList();
    }
}
