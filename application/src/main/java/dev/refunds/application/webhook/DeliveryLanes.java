package dev.refunds.application.webhook;

import dev.refunds.application.shared.BoundedExecutor;
import dev.refunds.application.webhook.AttemptOutcomes.Claimed;
import dev.refunds.application.webhook.WebhookDeliveryStore.Due;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a sender does with a claimed delivery: reads where it goes, sends it outside any transaction, and writes the
 * outcome while the claim is ours. The outcome's transaction claims the endpoint's next due delivery, and the lane
 * goes on with it without waiting for the worker's next pass, up to {@link #CHAINED_MAX} attempts (none once the
 * senders shut down); then its sender goes back to the pool, so the pass's fair order across endpoints gets it
 * again.
 */
final class DeliveryLanes {
    static final int CHAINED_MAX = 64;
    private static final System.Logger LOG = System.getLogger(DeliveryLanes.class.getName());

    private final WebhookEndpointRepository endpoints;
    private final WebhookOutbox outbox;
    private final WebhookTargetGuard guard;
    private final WebhookSender sender;
    private final Clock clock;
    private final AttemptOutcomes outcomes;
    private final BoundedExecutor senders;

    DeliveryLanes(WebhookEndpointRepository endpoints, WebhookOutbox outbox, WebhookTargetGuard guard,
                  WebhookSender sender, Clock clock, AttemptOutcomes outcomes, BoundedExecutor senders) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.guard = guard;
        this.sender = sender;
        this.clock = clock;
        this.outcomes = outcomes;
        this.senders = senders;
    }

    /**
     * Attempts {@code first}, then the deliveries its outcomes claim. {@code payloads} are the claimed group's event
     * bodies (null when that read failed: the attempt reads its own); a chained attempt reads its own. Every attempt
     * reads its endpoint when it starts: one that starts after a {@code 410} or a disable sees it.
     */
    void run(Claimed first, Map<String, String> payloads) {
        Optional<Claimed> next = attempt(first, payloads, goesOn(1));
        for (int attempts = 2; next.isPresent(); attempts++) {
            next = attempt(next.get(), null, goesOn(attempts));
        }
    }

    /** Whether the lane claims another delivery after its {@code attempts}th; never while shutting down. */
    private boolean goesOn(int attempts) {
        return attempts < CHAINED_MAX && senders.accepting();
    }

    private Optional<Claimed> attempt(Claimed claimed, Map<String, String> payloads, boolean claimNext) {
        Due due = claimed.due();
        try {
            Optional<DeliveryTarget> target = endpoints.targetOf(due.endpointId())
                    .filter(found -> found.endpoint().status() == EndpointStatus.ENABLED);
            if (target.isEmpty()) {   // deleted or disabled since the delivery was made: stop without an attempt
                outcomes.stopped(due, claimed.token());
                return Optional.empty();
            }
            Instant at = clock.instant();
            WebhookSender.Result result = send(target.get().endpoint(), due, at, payloads);
            return outcomes.attempted(due, claimed.token(), target.get(), at, result, claimNext);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery " + due.deliveryId()
                    + " could not be recorded; its lease runs out and it is attempted again", e);
            return Optional.empty();
        }
    }

    private WebhookSender.Result send(WebhookEndpoint endpoint, Due due, Instant at, Map<String, String> payloads) {
        if (guard.refusal(endpoint.url()).isPresent()) {   // again at every attempt: DNS answers change
            return WebhookSender.Result.failed(DeliverWebhooksService.TARGET_REFUSED, 0);
        }
        Optional<String> payload = payloads == null ? outbox.payload(due.eventId())
                : Optional.ofNullable(payloads.get(due.eventId()));
        if (payload.isEmpty()) {
            return WebhookSender.Result.failed(DeliverWebhooksService.EVENT_MISSING, 0);
        }
        return sender.send(new WebhookSender.Message(endpoint.url(), due.eventId(), at, payload.get(),
                endpoint.secret(), endpoint.retiringSecretAt(at)));
    }
}
