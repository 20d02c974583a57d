package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** SQL for the settlement columns of {@code refunds}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SettlementRows extends GenericRepository<RefundRow, String> {

    @Query("SELECT * FROM refunds WHERE status = 'INITIATED' AND (send_lease_until_ms IS NULL"
            + " OR send_lease_until_ms < :nowMs) ORDER BY seq LIMIT :limit")
    List<RefundRow> dueForSending(long nowMs, int limit);

    @Query("UPDATE refunds SET claimed_at_ms = COALESCE(claimed_at_ms, :nowMs), send_lease_until_ms = :leaseUntilMs"
            + " WHERE refund_id = :refundId AND status = 'INITIATED'"
            + " AND (send_lease_until_ms IS NULL OR send_lease_until_ms < :nowMs)")
    long claimForSending(String refundId, long nowMs, long leaseUntilMs);

    @Query("SELECT claimed_at_ms FROM refunds WHERE refund_id = :refundId FOR UPDATE")
    Optional<Long> claimedAt(String refundId);

    @Query("UPDATE refunds SET next_check_at_ms = :atMs, check_attempts = 0 WHERE refund_id = :refundId")
    long scheduleCheck(String refundId, long atMs);

    // COMPLETED refunds stay due until their reversal window is over and stopChecks clears their time.
    @Query("SELECT * FROM refunds WHERE status IN ('PROCESSING', 'COMPLETED') AND next_check_at_ms <= :nowMs"
            + " ORDER BY next_check_at_ms LIMIT :limit")
    List<DueCheckRow> dueForCheck(long nowMs, int limit);

    @Query("UPDATE refunds SET next_check_at_ms = :nextAtMs, check_attempts = check_attempts + 1"
            + " WHERE refund_id = :refundId AND status IN ('PROCESSING', 'COMPLETED') AND next_check_at_ms = :dueAtMs")
    long claimCheck(String refundId, long dueAtMs, long nextAtMs);

    @Query("UPDATE refunds SET next_check_at_ms = NULL WHERE refund_id = :refundId")
    long stopChecks(String refundId);
}
