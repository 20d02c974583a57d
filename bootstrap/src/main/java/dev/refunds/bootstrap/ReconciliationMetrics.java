package dev.refunds.bootstrap;

import dev.refunds.application.reconciliation.DiscrepanciesUseCase;
import dev.refunds.application.reconciliation.DiscrepancyKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Open reconciliation discrepancies per kind, read from the database (one snapshot serves a scrape's gauges). */
@Singleton
final class ReconciliationMetrics implements MeterBinder {
    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

    /** A provider: the registry is built while the data source is, so the counts are looked up at scrape time. */
    private final Provider<DiscrepanciesUseCase> discrepancies;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    private record Snapshot(Instant takenAt, Map<DiscrepancyKind, Long> open) {
    }

    ReconciliationMetrics(Provider<DiscrepanciesUseCase> discrepancies, Clock clock) {
        this.discrepancies = discrepancies;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            Gauge.builder("refunds.reconciliation.discrepancies.open", this,
                            metrics -> metrics.snapshot().open().getOrDefault(kind, 0L))
                    .tag("kind", kind.name()).description("Reconciliation discrepancies waiting for an operator")
                    .register(registry);
        }
    }

    private Snapshot snapshot() {
        Instant now = clock.instant();
        Snapshot current = last.get();
        if (current == null || current.takenAt().plus(SNAPSHOT_TTL).isBefore(now)) {
            current = new Snapshot(now, discrepancies.get().openByKind());
            last.set(current);
        }
        return current;
    }
}
