package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/**
 * SQL of the admin reads across businesses. An empty string leaves a filter out (a typed value rather than a NULL
 * parameter, which H2 cannot type in {@code ? IS NULL}).
 */
final class AdminSearchRows {
    private static final String REFUND_FILTERS = "(:status = '' OR status = :status)"
            + " AND (:businessId = '' OR business_id = :businessId) AND (:paymentId = '' OR payment_id = :paymentId)"
            + " AND (:refundId = '' OR refund_id = :refundId) AND (:merchantRef = '' OR merchant_ref = :merchantRef)"
            + " AND initiated_at_ms >= :fromMs AND initiated_at_ms < :toMs";

    private AdminSearchRows() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Refunds extends GenericRepository<RefundRow, String> {
        @Query("SELECT seq FROM refunds WHERE refund_id = :refundId")
        Optional<Long> findSeq(String refundId);

        @Query("SELECT * FROM refunds WHERE " + REFUND_FILTERS + " AND seq < :beforeSeq ORDER BY seq DESC"
                + " LIMIT :limit")
        List<RefundRow> newestBefore(String status, String businessId, String paymentId, String refundId,
                                     String merchantRef, long fromMs, long toMs, long beforeSeq, int limit);

        @Query("SELECT * FROM refunds WHERE " + REFUND_FILTERS + " AND seq > :afterSeq ORDER BY seq LIMIT :limit")
        List<RefundRow> oldestAfter(String status, String businessId, String paymentId, String refundId,
                                    String merchantRef, long fromMs, long toMs, long afterSeq, int limit);

        @Query("SELECT * FROM refunds WHERE payment_id = :paymentId ORDER BY seq")
        List<RefundRow> forPayment(String paymentId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Payments extends GenericRepository<PaymentRow, String> {
        @Query("SELECT * FROM payments WHERE payment_id = :paymentId")
        Optional<PaymentRow> findAny(String paymentId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Businesses extends GenericRepository<BusinessRow, String> {
        @Query("SELECT * FROM businesses WHERE business_id = :businessId")
        Optional<BusinessRow> find(String businessId);

        @Query("SELECT * FROM businesses WHERE created_at_ms < :createdAtMs"
                + " OR (created_at_ms = :createdAtMs AND business_id < :businessId)"
                + " ORDER BY created_at_ms DESC, business_id DESC LIMIT :limit")
        List<BusinessRow> pageBefore(long createdAtMs, String businessId, int limit);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Disputes extends GenericRepository<DisputeRow, String> {
        @Query("SELECT * FROM disputes WHERE dispute_id = :disputeId")
        Optional<DisputeRow> find(String disputeId);

        @Query("SELECT * FROM disputes WHERE (:status = '' OR status = :status) AND (opened_at_ms < :openedAtMs"
                + " OR (opened_at_ms = :openedAtMs AND dispute_id < :disputeId))"
                + " ORDER BY opened_at_ms DESC, dispute_id DESC LIMIT :limit")
        List<DisputeRow> pageBefore(String status, long openedAtMs, String disputeId, int limit);

        @Query("SELECT * FROM disputes WHERE payment_id = :paymentId ORDER BY opened_at_ms, dispute_id")
        List<DisputeRow> forPayment(String paymentId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Events extends GenericRepository<OutboxEventRow, String> {
        /** Bounded: a payment has at most a few events per refund, and the page shows the latest of them. */
        @Query("SELECT * FROM outbox_events WHERE payment_id = :paymentId ORDER BY seq DESC LIMIT :limit")
        List<OutboxEventRow> latestForPayment(String paymentId, int limit);
    }
}
