package dev.refunds.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/**
 * Keyset pages over refunds by creation and by completion time, and the sums balances are made of. The plain
 * {@code >= :atMs} beside the keyset condition is what lets H2 and MariaDB walk the index as a range and stop at
 * the LIMIT; with the OR alone they scan and sort the whole table for every page.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ReportRows extends GenericRepository<RefundRow, String> {

    @Query("SELECT * FROM refunds WHERE business_id = :businessId AND initiated_at_ms < :toMs"
            + " AND initiated_at_ms >= :atMs AND (initiated_at_ms > :atMs OR refund_id > :refundId)"
            + " ORDER BY initiated_at_ms, refund_id LIMIT :limit")
    List<RefundRow> createdAfter(String businessId, long atMs, String refundId, long toMs, int limit);

    @Query("SELECT * FROM refunds WHERE initiated_at_ms < :toMs"
            + " AND initiated_at_ms >= :atMs AND (initiated_at_ms > :atMs OR refund_id > :refundId)"
            + " ORDER BY initiated_at_ms, refund_id LIMIT :limit")
    List<RefundRow> anyCreatedAfter(long atMs, String refundId, long toMs, int limit);

    @Query("SELECT * FROM refunds WHERE status = 'COMPLETED' AND completed_at_ms < :untilMs"
            + " AND completed_at_ms >= :atMs AND (completed_at_ms > :atMs OR refund_id > :refundId)"
            + " ORDER BY completed_at_ms, refund_id LIMIT :limit")
    List<RefundRow> completedAfter(long atMs, String refundId, long untilMs, int limit);

    @Query("SELECT payment_id, pay_id FROM payments WHERE payment_id IN (:paymentIds)")
    List<PayIdRow> payIds(Collection<String> paymentIds);

    @Query("SELECT business_id, currency, status, SUM(amount_minor) AS amount_minor FROM refunds"
            + " WHERE business_id = :businessId AND initiated_at_ms >= :fromMs AND initiated_at_ms < :toMs"
            + " GROUP BY business_id, currency, status")
    List<TotalRow> totals(String businessId, long fromMs, long toMs);

    @Query("SELECT business_id, currency, status, SUM(amount_minor) AS amount_minor FROM refunds"
            + " WHERE initiated_at_ms >= :fromMs AND initiated_at_ms < :toMs GROUP BY business_id, currency, status")
    List<TotalRow> anyTotals(long fromMs, long toMs);

    @MappedEntity(value = "payments", escape = false)
    record PayIdRow(@Id String paymentId, long payId) {
    }

    @MappedEntity(value = "refunds", escape = false)
    record TotalRow(@Id String businessId, String currency, String status, long amountMinor) {
    }
}
