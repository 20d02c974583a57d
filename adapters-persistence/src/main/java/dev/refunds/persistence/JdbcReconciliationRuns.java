package dev.refunds.persistence;

import dev.refunds.application.reconciliation.ReconciliationRuns;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** The claim is one compare-and-set UPDATE, the same discipline as the settlement worker's send claims. */
@DatabaseBoundary
@Singleton
class JdbcReconciliationRuns implements ReconciliationRuns {
    private static final String JOB = "processor";

    private final RunRows rows;

    JdbcReconciliationRuns(RunRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Instant> claim(String owner, Instant now, Instant leaseUntil) {
        if (rows.claim(JOB, owner, Times.millis(now), Times.millis(leaseUntil)) != 1) {
            return Optional.empty();
        }
        return rows.checkpoint(JOB, owner).map(Times::instant);
    }

    @Override
    public boolean finish(String owner, Instant checkpoint) {
        return rows.finish(JOB, owner, Times.millis(checkpoint)) == 1;
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface RunRows extends GenericRepository<RefundRow, String> {
        @Query("UPDATE reconciliation_runs SET lease_owner = :owner, lease_until_ms = :leaseUntilMs"
                + " WHERE job = :job AND (lease_owner IS NULL OR lease_until_ms < :nowMs)")
        long claim(String job, String owner, long nowMs, long leaseUntilMs);

        @Query("SELECT checkpoint_ms FROM reconciliation_runs WHERE job = :job AND lease_owner = :owner")
        Optional<Long> checkpoint(String job, String owner);

        @Query("UPDATE reconciliation_runs SET checkpoint_ms = :checkpointMs, lease_owner = NULL, lease_until_ms = 0"
                + " WHERE job = :job AND lease_owner = :owner")
        long finish(String job, String owner, long checkpointMs);
    }
}
