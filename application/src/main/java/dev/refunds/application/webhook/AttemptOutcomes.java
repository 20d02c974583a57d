package dev.refunds.application.webhook;

import dev.refunds.application.shared.GroupCommit;
import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.WebhookDeliveryStore.Due;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Writes what an attempt came to, while the claim is still ours: the delivery's new state and, in the same
 * transaction, the endpoint's health. A {@code 410} disables the endpoint at once; failures only, for
 * {@code disableAfter}, disable it too; either way its pending deliveries fail. A {@code 429}/{@code 503} with
 * {@code Retry-After} moves the next attempt no earlier than asked, capped at the schedule's longest step. A success
 * to an endpoint that was not failing writes no endpoint row. Outcomes to one endpoint that end close together share
 * one transaction and one commit; when that shared write fails, each is written alone, so none is lost or written
 * as another's. An outcome may claim the endpoint's next due delivery in its transaction: its lane goes on with it.
 */
final class AttemptOutcomes {
    private static final System.Logger LOG = System.getLogger(AttemptOutcomes.class.getName());

    private final WebhookDeliveryStore deliveries;
    private final WebhookEndpointRepository endpoints;
    private final Transactions transactions;
    private final Clock clock;
    private final DeliverySettings settings;
    private final GroupCommit commits;

    AttemptOutcomes(WebhookDeliveryStore deliveries, WebhookEndpointRepository endpoints, Transactions transactions,
                    Clock clock, DeliverySettings settings) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        // one endpoint's outcomes on this instance: at most its limit, or the senders, at a time
        this.commits = new GroupCommit(transactions, Math.min(settings.perEndpoint(), settings.concurrency()));
    }

    /** A delivery its lane claimed: the lease token is what its outcome is written with. */
    record Claimed(Due due, String token) {
    }

    /** The endpoint was deleted or disabled since the delivery was made: it fails without an attempt. */
    void stopped(Due due, String token) {
        finish(due, token, Optional.empty(), DeliveryStatus.FAILED, 0, Optional.empty(), () -> false, false);
    }

    /**
     * Writes the outcome; with {@code claimNext}, claims in the same transaction the endpoint's next due delivery
     * for the lane that made this attempt (its slot passes on). Empty when nothing was claimed.
     */
    Optional<Claimed> attempted(Due due, String token, DeliveryTarget target, Instant at, WebhookSender.Result result,
                                boolean claimNext) {
        DeliveryAttempt attempt = new DeliveryAttempt(at, result.statusCode(), result.latencyMs(), result.error());
        int left = Math.max(due.attemptsLeft() - 1, 0);
        DeliveryStatus status = result.succeeded() ? DeliveryStatus.SUCCEEDED
                : left > 0 && !result.gone() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        Optional<Instant> next = status == DeliveryStatus.PENDING
                ? Optional.of(clock.instant().plus(delayBefore(left, result.retryAfter())))
                : Optional.empty();
        return finish(due, token, Optional.of(attempt), status, left, next, () -> health(target, result), claimNext);
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

    /** Writes the endpoint's health; true when this outcome disabled it. */
    private boolean health(DeliveryTarget target, WebhookSender.Result result) {
        String endpointId = target.endpoint().id();
        if (result.succeeded()) {
            if (target.failing()) {
                endpoints.recordSuccess(endpointId);
            }
            return false;
        }
        Instant now = clock.instant();
        boolean disabled = result.gone() ? endpoints.disable(endpointId)
                : endpoints.recordFailure(endpointId, now, now.minus(settings.disableAfter()));
        if (disabled) {
            deliveries.stopPending(endpointId);
            LOG.log(System.Logger.Level.INFO, "webhook endpoint " + endpointId + " disabled ("
                    + (result.gone() ? "it answered 410" : "only failures for " + settings.disableAfter()) + ")");
        }
        return disabled;
    }

    private Optional<Claimed> finish(Due due, String token, Optional<DeliveryAttempt> attempt, DeliveryStatus status,
                                     int attemptsLeft, Optional<Instant> next, BooleanSupplier health,
                                     boolean claimNext) {
        Supplier<Written> work = () -> {
            // before the delivery's row, as claims lock: outcomes sharing a transaction then never deadlock a claim
            deliveries.holdEndpoint(due.endpointId());
            if (!deliveries.finish(due.deliveryId(), token, attempt, status, attemptsLeft, next)) {
                return Written.NOT_OURS;
            }
            if (health.getAsBoolean() || !claimNext) {
                return Written.NOTHING_NEXT;
            }
            String nextToken = UUID.randomUUID().toString();
            Instant now = clock.instant();
            return new Written(true, deliveries.claimNext(due.endpointId(), nextToken, now,
                    now.plus(settings.lease()), settings.perEndpoint()).map(found -> new Claimed(found, nextToken)));
        };
        Written written = commits.run(due.endpointId(), work, () -> transactions.inTransaction(work));
        if (!written.ours()) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery " + due.deliveryId()
                    + " took longer than its lease; another worker owns it now and this attempt is not recorded");
        }
        return written.next();
    }

    private record Written(boolean ours, Optional<Claimed> next) {
        static final Written NOT_OURS = new Written(false, Optional.empty());
        static final Written NOTHING_NEXT = new Written(true, Optional.empty());
    }
}
