package dev.refunds.application.business;

import dev.refunds.application.shared.IdGenerator;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.business.Business;

import java.time.Clock;

public final class CreateBusinessService implements CreateBusinessUseCase {
    private final BusinessRepository businesses;
    private final IdGenerator ids;
    private final ApiKeyHasher hasher;
    private final Transactions transactions;
    private final Clock clock;

    public CreateBusinessService(BusinessRepository businesses, IdGenerator ids, ApiKeyHasher hasher,
                                 Transactions transactions, Clock clock) {
        this.businesses = businesses;
        this.ids = ids;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CreatedBusiness handle(CreateBusinessCommand command) {
        String apiKey = ids.newApiKey();
        Business business = new Business(ids.newBusinessId(), ids.newClientId(), command.name(), command.policy(),
                clock.instant());
        String hash = hasher.hash(apiKey);
        transactions.inTransaction(() -> {
            businesses.insert(business, hash);
            return null;
        });
        return new CreatedBusiness(business, apiKey);
    }
}
