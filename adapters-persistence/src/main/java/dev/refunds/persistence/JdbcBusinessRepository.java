package dev.refunds.persistence;

import dev.refunds.application.business.BusinessRepository;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;
import jakarta.inject.Singleton;

import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcBusinessRepository implements BusinessRepository {
    private final BusinessRows rows;

    JdbcBusinessRepository(BusinessRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(Business business, String apiKeyHash) {
        rows.save(BusinessRow.of(business, apiKeyHash));
    }

    @Override
    public Optional<Business> findById(BusinessId id) {
        return rows.findById(id.value()).map(BusinessRow::toDomain);
    }

    @Override
    public Optional<StoredBusiness> findWithApiKeyHash(BusinessId id) {
        return rows.findById(id.value()).map(row -> new StoredBusiness(row.toDomain(), row.apiKeyHash()));
    }
}
