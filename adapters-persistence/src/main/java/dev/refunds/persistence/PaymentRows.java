package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** SQL for {@code payments}. Every query names the business, so none can read across tenants. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface PaymentRows extends CrudRepository<PaymentRow, String> {

    @Query("SELECT * FROM payments WHERE business_id = :businessId AND payment_id = :paymentId")
    Optional<PaymentRow> find(String businessId, String paymentId);

    @Query("SELECT * FROM payments WHERE business_id = :businessId AND payment_id = :paymentId FOR UPDATE")
    Optional<PaymentRow> lock(String businessId, String paymentId);

    @Query("SELECT * FROM payments WHERE payment_id = :paymentId FOR UPDATE")
    Optional<PaymentRow> lockAny(String paymentId);

    @Query("SELECT * FROM payments WHERE business_id = :businessId AND pay_id = :payId")
    Optional<PaymentRow> findByPayId(String businessId, long payId);

    @Query("SELECT * FROM payments WHERE business_id = :businessId AND pay_id = :payId FOR UPDATE")
    Optional<PaymentRow> lockByPayId(String businessId, long payId);

    @Query("SELECT seq FROM payments WHERE business_id = :businessId AND payment_id = :paymentId")
    Optional<Long> findSeq(String businessId, String paymentId);

    @Query("SELECT * FROM payments WHERE business_id = :businessId AND seq < :beforeSeq"
            + " ORDER BY seq DESC LIMIT :limit")
    List<PaymentRow> pageBefore(String businessId, long beforeSeq, int limit);

    @Query("SELECT * FROM payments WHERE business_id = :businessId AND status = :status AND seq < :beforeSeq"
            + " ORDER BY seq DESC LIMIT :limit")
    List<PaymentRow> pageBeforeWithStatus(String businessId, String status, long beforeSeq, int limit);
}
