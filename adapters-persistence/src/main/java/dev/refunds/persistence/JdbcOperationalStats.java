package dev.refunds.persistence;

import dev.refunds.application.shared.OperationalStats;
import dev.refunds.domain.payment.RefundStatus;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@DatabaseBoundary
@Singleton
class JdbcOperationalStats implements OperationalStats {
    private static final List<String> DELIVERY_STATUSES = List.of("PENDING", "SUCCEEDED", "FAILED");

    private final StatsRows rows;
    private final TransactionOperations<Connection> transactions;

    JdbcOperationalStats(StatsRows rows, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public Map<RefundStatus, Long> refundsByStatus() {
        return transactions.executeRead(status -> {
            Map<RefundStatus, Long> counts = new EnumMap<>(RefundStatus.class);
            for (RefundStatus refundStatus : RefundStatus.values()) {
                counts.put(refundStatus, rows.countRefunds(refundStatus.name()));
            }
            return counts;
        });
    }

    @Override
    public long outboxBacklog() {
        return transactions.executeRead(status -> rows.countUnrelayed());
    }

    @Override
    public Map<String, Long> webhookDeliveriesByStatus() {
        return transactions.executeRead(status -> {
            Map<String, Long> counts = new TreeMap<>();
            for (String deliveryStatus : DELIVERY_STATUSES) {
                counts.put(deliveryStatus, rows.countDeliveries(deliveryStatus));
            }
            return counts;
        });
    }

    @Override
    public long webhookAttempts() {
        return transactions.executeRead(status -> rows.countAttempts());
    }

    @Override
    public long webhookFailedAttempts() {
        return transactions.executeRead(status -> rows.countFailedAttempts());
    }

    @Override
    public Optional<Instant> oldestUnsentRefund() {
        return transactions.executeRead(status -> rows.oldestUnsentUpdatedAt()).map(Times::instant);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface StatsRows extends GenericRepository<RefundRow, String> {
        @Query("SELECT COUNT(*) FROM refunds WHERE status = :status")
        long countRefunds(String status);

        @Query("SELECT COUNT(*) FROM outbox_events WHERE relayed_at_ms IS NULL")
        long countUnrelayed();

        @Query("SELECT COUNT(*) FROM webhook_deliveries WHERE status = :status")
        long countDeliveries(String status);

        @Query("SELECT COUNT(*) FROM webhook_delivery_attempts")
        long countAttempts();

        @Query("SELECT COUNT(*) FROM webhook_delivery_attempts WHERE status_code IS NULL OR status_code < 200"
                + " OR status_code > 299")
        long countFailedAttempts();

        @Query("SELECT MIN(updated_at_ms) FROM refunds WHERE status = 'INITIATED' AND claimed_at_ms IS NULL")
        Optional<Long> oldestUnsentUpdatedAt();
    }
}
