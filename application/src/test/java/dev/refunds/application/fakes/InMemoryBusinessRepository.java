package dev.refunds.application.fakes;

import dev.refunds.application.business.BusinessRepository;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

public final class InMemoryBusinessRepository implements BusinessRepository, Snapshottable {
    private final Map<BusinessId, StoredBusiness> rows = new LinkedHashMap<>();
    private final WriteGuard guard = new WriteGuard();

    @Override
    public void insert(Business business, String apiKeyHash) {
        guard.check("business insert");
        if (rows.containsKey(business.id())) {
            throw new IllegalStateException("duplicate business " + business.id());
        }
        rows.put(business.id(), new StoredBusiness(business, apiKeyHash));
    }

    @Override
    public Optional<Business> findById(BusinessId id) {
        return Optional.ofNullable(rows.get(id)).map(StoredBusiness::business);
    }

    @Override
    public Optional<StoredBusiness> findWithApiKeyHash(BusinessId id) {
        return Optional.ofNullable(rows.get(id));
    }

    /** Everything stored, in insertion order. */
    public List<StoredBusiness> all() {
        return List.copyOf(rows.values());
    }

    public void guardWritesWith(BooleanSupplier inTransaction) {
        guard.guardWith(inTransaction);
    }

    @Override
    public Runnable snapshot() {
        Map<BusinessId, StoredBusiness> copy = new LinkedHashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(copy);
        };
    }
}
