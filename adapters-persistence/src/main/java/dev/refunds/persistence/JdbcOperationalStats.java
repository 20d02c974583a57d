package dev.refunds.persistence;

import dev.refunds.application.port.OperationalStats;
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
import java.util.Map;
import java.util.Optional;

@Singleton
final class JdbcOperationalStats implements OperationalStats {
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
    public Optional<Instant> oldestUnsentRefund() {
        return transactions.executeRead(status -> rows.oldestUnsentUpdatedAt()).map(Times::instant);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface StatsRows extends GenericRepository<RefundRow, String> {
        @Query("SELECT COUNT(*) FROM refunds WHERE status = :status")
        long countRefunds(String status);

        @Query("SELECT COUNT(*) FROM outbox_events WHERE relayed_at_ms IS NULL")
        long countUnrelayed();

        @Query("SELECT MIN(updated_at_ms) FROM refunds WHERE status = 'INITIATED' AND claimed_at_ms IS NULL")
        Optional<Long> oldestUnsentUpdatedAt();
    }
}
