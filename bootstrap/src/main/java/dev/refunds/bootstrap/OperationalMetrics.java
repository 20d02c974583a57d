package dev.refunds.bootstrap;

import dev.refunds.application.shared.OperationalStats;
import dev.refunds.domain.payment.RefundStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges read from the database: refunds per status, the outbox backlog and the settlement worker's lag (age of
 * the oldest refund waiting to be sent). One snapshot serves all gauges for a few seconds, so a scrape costs a
 * handful of small queries however often it comes.
 */
@Singleton
final class OperationalMetrics implements MeterBinder {
    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

    /** A provider: the registry is built while the data source is, so the stats are looked up at scrape time. */
    private final Provider<OperationalStats> stats;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    private record Snapshot(Instant takenAt, Map<RefundStatus, Long> refunds, long outboxBacklog, double lagSeconds,
                            Map<String, Long> deliveries, long attempts, long failedAttempts) {
    }

    OperationalMetrics(Provider<OperationalStats> stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RefundStatus status : RefundStatus.values()) {
            Gauge.builder("refunds.refunds", this, metrics -> metrics.snapshot().refunds().get(status))
                    .tag("status", status.name()).description("Refunds in each status").register(registry);
        }
        Gauge.builder("refunds.outbox.backlog", this, metrics -> metrics.snapshot().outboxBacklog())
                .description("Outbox events not yet fanned out to webhook deliveries").register(registry);
        for (String status : List.of("PENDING", "SUCCEEDED", "FAILED")) {
            Gauge.builder("refunds.webhook.deliveries", this,
                            metrics -> metrics.snapshot().deliveries().getOrDefault(status, 0L))
                    .tag("status", status).description("Webhook deliveries in each status").register(registry);
        }
        Gauge.builder("refunds.webhook.attempts", this, metrics -> metrics.snapshot().attempts())
                .description("Webhook delivery attempts made").register(registry);
        Gauge.builder("refunds.webhook.attempts.failed", this, metrics -> metrics.snapshot().failedAttempts())
                .description("Webhook delivery attempts that got no 2xx answer").register(registry);
        Gauge.builder("refunds.settlement.lag.seconds", this, metrics -> metrics.snapshot().lagSeconds())
                .description("Age of the oldest INITIATED refund not yet sent to the processor").register(registry);
    }

    private Snapshot snapshot() {
        Instant now = clock.instant();
        Snapshot current = last.get();
        if (current == null || current.takenAt().plus(SNAPSHOT_TTL).isBefore(now)) {
            OperationalStats source = stats.get();
            double lag = source.oldestUnsentRefund().map(oldest -> Duration.between(oldest, now).toMillis() / 1000.0)
                    .orElse(0.0);
            current = new Snapshot(now, source.refundsByStatus(), source.outboxBacklog(), Math.max(lag, 0.0),
                    source.webhookDeliveriesByStatus(), source.webhookAttempts(), source.webhookFailedAttempts());
            last.set(current);
        }
        return current;
    }
}
