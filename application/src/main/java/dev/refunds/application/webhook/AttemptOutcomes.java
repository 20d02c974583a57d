package dev.refunds.application.webhook;

import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.WebhookDeliveryStore.Due;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes what an attempt came to, while the claim is still ours: the delivery's new state and, in the same
 * transaction, the endpoint's health. A {@code 410} disables the endpoint at once; failures only, for
 * {@code disableAfter}, disable it too; either way its pending deliveries fail. A {@code 429}/{@code 503} with
 * {@code Retry-After} moves the next attempt no earlier than asked, capped at the schedule's longest step.
 */
final class AttemptOutcomes {
    private static final System.Logger LOG = System.getLogger(AttemptOutcomes.class.getName());

    private final WebhookDeliveryStore deliveries;
    private final WebhookEndpointRepository endpoints;
    private final Transactions transactions;
    private final Clock clock;
    private final DeliverySettings settings;

    AttemptOutcomes(WebhookDeliveryStore deliveries, WebhookEndpointRepository endpoints, Transactions transactions,
                    Clock clock, DeliverySettings settings) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** The endpoint was deleted or disabled since the delivery was made: it fails without an attempt. */
    void stopped(Due due, String token) {
        finish(due, token, Optional.empty(), DeliveryStatus.FAILED, 0, Optional.empty(), () -> { });
    }

    void attempted(Due due, String token, WebhookEndpoint endpoint, Instant at, WebhookSender.Result result) {
        DeliveryAttempt attempt = new DeliveryAttempt(at, result.statusCode(), result.latencyMs(), result.error());
        int left = Math.max(due.attemptsLeft() - 1, 0);
        DeliveryStatus status = result.succeeded() ? DeliveryStatus.SUCCEEDED
                : left > 0 && !result.gone() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        Optional<Instant> next = status == DeliveryStatus.PENDING
                ? Optional.of(clock.instant().plus(delayBefore(left, result.retryAfter())))
                : Optional.empty();
        finish(due, token, Optional.of(attempt), status, left, next, () -> health(endpoint.id(), result));
    }

    private Duration delayBefore(int attemptsLeft, Optional<Duration> retryAfter) {
        Duration scheduled = settings.schedule().delayBefore(attemptsLeft);
        if (retryAfter.isEmpty()) {
            return scheduled;
        }
        Duration longest = settings.schedule().longest();
        Duration asked = retryAfter.get().compareTo(longest) > 0 ? longest : retryAfter.get();
        return asked.compareTo(scheduled) > 0 ? asked : scheduled;
    }

    private void health(String endpointId, WebhookSender.Result result) {
        if (result.succeeded()) {
            endpoints.recordSuccess(endpointId);
            return;
        }
        Instant now = clock.instant();
        boolean disabled = result.gone() ? endpoints.disable(endpointId)
                : endpoints.recordFailure(endpointId, now, now.minus(settings.disableAfter()));
        if (disabled) {
            deliveries.stopPending(endpointId);
            LOG.log(System.Logger.Level.INFO, "webhook endpoint " + endpointId + " disabled ("
                    + (result.gone() ? "it answered 410" : "only failures for " + settings.disableAfter()) + ")");
        }
    }

    private void finish(Due due, String token, Optional<DeliveryAttempt> attempt, DeliveryStatus status,
                        int attemptsLeft, Optional<Instant> next, Runnable andThen) {
        boolean ours = transactions.inTransaction(() -> {
            boolean still = deliveries.finish(due.deliveryId(), token, attempt, status, attemptsLeft, next);
            if (still) {
                andThen.run();
            }
            return still;
        });
        if (!ours) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery " + due.deliveryId()
                    + " took longer than its lease; another worker owns it now and this attempt is not recorded");
        }
    }
}
