package dev.refunds.application.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How deliveries go: the retry schedule, how long a claim holds (longer than the slowest attempt), how many
 * attempts run at once, how many due deliveries one pass reads, how long a pass waits for a busy sender to
 * come free before it leaves the rest to the next pass, and how many attempts to one endpoint may be in flight
 * on all instances together (so a slow endpoint holds at most that many senders), and after how long of only
 * failures an endpoint is disabled.
 */
public record DeliverySettings(RetrySchedule schedule, Duration lease, int concurrency, int batchSize,
                               Duration senderWait, int perEndpoint, Duration disableAfter) {
    public static final int CONCURRENCY_MAX = 256;

    public DeliverySettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(senderWait, "senderWait");
        Objects.requireNonNull(disableAfter, "disableAfter");
        if (disableAfter.isNegative() || disableAfter.isZero()) {
            throw new IllegalArgumentException("disableAfter must be positive");
        }
        if (senderWait.isNegative()) {
            throw new IllegalArgumentException("senderWait is never negative");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive");
        }
        if (concurrency < 1 || concurrency > CONCURRENCY_MAX) {
            throw new IllegalArgumentException("concurrency must be 1-" + CONCURRENCY_MAX);
        }
        if (perEndpoint < 1 || perEndpoint > CONCURRENCY_MAX) {
            throw new IllegalArgumentException("perEndpoint must be 1-" + CONCURRENCY_MAX);
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batchSize must be 1-1000");
        }
    }
}
