package dev.refunds.persistence;

import dev.refunds.application.dispute.DisputeRepository;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeId;
import jakarta.inject.Singleton;

import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcDisputeRepository implements DisputeRepository {
    private final DisputeRows rows;

    JdbcDisputeRepository(DisputeRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(Dispute dispute) {
        rows.save(DisputeRow.of(dispute));
    }

    @Override
    public void update(Dispute dispute) {
        rows.update(DisputeRow.of(dispute));
    }

    @Override
    public Optional<Dispute> lockById(DisputeId id) {
        return rows.lock(id.value()).map(DisputeRow::toDomain);
    }

    @Override
    public Optional<Dispute> findById(DisputeId id) {
        return rows.findById(id.value()).map(DisputeRow::toDomain);
    }
}
