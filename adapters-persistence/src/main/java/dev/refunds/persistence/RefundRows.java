package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** SQL for {@code refunds}. Merchant queries name the business; the {@code Any} ones are for admins. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface RefundRows extends CrudRepository<RefundRow, String> {

    @Query("SELECT * FROM refunds WHERE business_id = :businessId AND refund_id = :refundId")
    Optional<RefundRow> find(String businessId, String refundId);

    @Query("SELECT * FROM refunds WHERE business_id = :businessId AND refund_id = :refundId FOR UPDATE")
    Optional<RefundRow> lock(String businessId, String refundId);

    @Query("SELECT * FROM refunds WHERE refund_id = :refundId")
    Optional<RefundRow> findAny(String refundId);

    @Query("SELECT * FROM refunds WHERE business_id = :businessId AND payment_id = :paymentId ORDER BY seq")
    List<RefundRow> forPayment(String businessId, String paymentId);

    @Query("SELECT * FROM refunds WHERE business_id = :businessId AND payment_id = :paymentId"
            + " ORDER BY seq DESC LIMIT 1")
    Optional<RefundRow> latestForPayment(String businessId, String paymentId);

    @Query("SELECT seq FROM refunds WHERE business_id = :businessId AND refund_id = :refundId")
    Optional<Long> findSeq(String businessId, String refundId);

    @Query("SELECT seq FROM refunds WHERE refund_id = :refundId AND status = :status")
    Optional<Long> findSeqWithStatus(String refundId, String status);

    @Query("SELECT * FROM refunds WHERE business_id = :businessId AND seq < :beforeSeq"
            + " ORDER BY seq DESC LIMIT :limit")
    List<RefundRow> pageBefore(String businessId, long beforeSeq, int limit);

    @Query("SELECT * FROM refunds WHERE business_id = :businessId AND status = :status AND seq < :beforeSeq"
            + " ORDER BY seq DESC LIMIT :limit")
    List<RefundRow> pageBeforeWithStatus(String businessId, String status, long beforeSeq, int limit);

    @Query("SELECT * FROM refunds WHERE business_id = :businessId AND seq < :beforeSeq"
            + " AND (:status IS NULL OR status = :status) AND (:paymentId IS NULL OR payment_id = :paymentId)"
            + " AND (:merchantRef IS NULL OR merchant_ref = :merchantRef)"
            + " AND (:createdFromMs IS NULL OR initiated_at_ms >= :createdFromMs)"
            + " AND (:createdToMs IS NULL OR initiated_at_ms < :createdToMs)"
            + " ORDER BY seq DESC LIMIT :limit")
    List<RefundRow> pageBeforeFiltered(String businessId, long beforeSeq, @Nullable String status,
                                       @Nullable String paymentId, @Nullable String merchantRef,
                                       @Nullable Long createdFromMs, @Nullable Long createdToMs, int limit);

    @Query("SELECT * FROM refunds WHERE status = :status AND seq > :afterSeq ORDER BY seq LIMIT :limit")
    List<RefundRow> allPageAfter(String status, long afterSeq, int limit);
}
