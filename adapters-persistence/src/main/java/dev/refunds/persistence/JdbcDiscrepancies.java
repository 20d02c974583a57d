package dev.refunds.persistence;

import dev.refunds.application.reconciliation.Discrepancies;
import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.reconciliation.DiscrepancyKind;
import dev.refunds.application.reconciliation.DiscrepancyStatus;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcDiscrepancies implements Discrepancies {
    private final DiscrepancyRows rows;

    JdbcDiscrepancies(DiscrepancyRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean recordOnce(Discrepancy discrepancy) {
        DiscrepancyKind kind = discrepancy.kind();
        if (rows.countOf(kind.name(), discrepancy.refundId().value()) > 0) {
            return false;
        }
        try {
            rows.save(DiscrepancyRow.of(discrepancy));
            return true;
        } catch (DataAccessException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;   // another run recorded it first
            }
            throw e;
        }
    }

    @Override
    public Page<Discrepancy> list(Optional<DiscrepancyStatus> status, PageRequest page) {
        long before = Pages.cursorSeq(page, rows::findSeq, Long.MAX_VALUE);
        List<DiscrepancyRow> found = status.isPresent()
                ? rows.pageBeforeWithStatus(status.get().name(), before, page.limit() + 1)
                : rows.pageBefore(before, page.limit() + 1);
        return Pages.of(found, page, DiscrepancyRow::toDomain);
    }

    @Override
    public Optional<Discrepancy> lockById(String discrepancyId) {
        return rows.lock(discrepancyId).map(DiscrepancyRow::toDomain);
    }

    @Override
    public void update(Discrepancy discrepancy) {
        rows.update(DiscrepancyRow.of(discrepancy));
    }

    @Override
    public Map<DiscrepancyKind, Long> countOpenByKind() {
        Map<DiscrepancyKind, Long> counts = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            counts.put(kind, rows.countOpen(kind.name()));
        }
        return counts;
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface DiscrepancyRows extends CrudRepository<DiscrepancyRow, String> {
        @Query("SELECT COUNT(*) FROM reconciliation_discrepancies WHERE kind = :kind AND refund_id = :refundId")
        long countOf(String kind, String refundId);

        @Query("SELECT seq FROM reconciliation_discrepancies WHERE discrepancy_id = :discrepancyId")
        Optional<Long> findSeq(String discrepancyId);

        @Query("SELECT * FROM reconciliation_discrepancies WHERE seq < :beforeSeq ORDER BY seq DESC LIMIT :limit")
        List<DiscrepancyRow> pageBefore(long beforeSeq, int limit);

        @Query("SELECT * FROM reconciliation_discrepancies WHERE status = :status AND seq < :beforeSeq"
                + " ORDER BY seq DESC LIMIT :limit")
        List<DiscrepancyRow> pageBeforeWithStatus(String status, long beforeSeq, int limit);

        @Query("SELECT * FROM reconciliation_discrepancies WHERE discrepancy_id = :discrepancyId FOR UPDATE")
        Optional<DiscrepancyRow> lock(String discrepancyId);

        @Query("SELECT COUNT(*) FROM reconciliation_discrepancies WHERE status = 'OPEN' AND kind = :kind")
        long countOpen(String kind);
    }
}
