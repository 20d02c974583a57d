package dev.refunds.application.fakes;

import dev.refunds.application.dispute.DisputeRepository;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

public final class InMemoryDisputeRepository implements DisputeRepository, Snapshottable {
    private final Map<DisputeId, Dispute> rows = new LinkedHashMap<>();
    private final WriteGuard guard = new WriteGuard();

    @Override
    public void insert(Dispute dispute) {
        guard.check("dispute insert");
        if (rows.containsKey(dispute.id())) {
            throw new IllegalStateException("duplicate dispute " + dispute.id());
        }
        rows.put(dispute.id(), dispute);
    }

    @Override
    public void update(Dispute dispute) {
        guard.check("dispute update");
        Dispute old = rows.get(dispute.id());
        if (old == null) {
            throw new IllegalStateException("update of unknown dispute " + dispute.id());
        }
        if (!old.paymentId().equals(dispute.paymentId()) || !old.businessId().equals(dispute.businessId())) {
            throw new IllegalStateException("dispute " + dispute.id() + " changed its payment or business");
        }
        rows.put(dispute.id(), dispute);
    }

    @Override
    public Optional<Dispute> findById(DisputeId id) {
        return Optional.ofNullable(rows.get(id));
    }

    public List<Dispute> all() {
        return List.copyOf(rows.values());
    }

    public void guardWritesWith(BooleanSupplier inTransaction) {
        guard.guardWith(inTransaction);
    }

    @Override
    public Runnable snapshot() {
        Map<DisputeId, Dispute> copy = new LinkedHashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(copy);
        };
    }

    @Override
    public Optional<Dispute> lockById(DisputeId id) {
        return findById(id);
    }
}
