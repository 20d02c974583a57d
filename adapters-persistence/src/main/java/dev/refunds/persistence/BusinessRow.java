package dev.refunds.persistence;

import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.ClientId;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.util.Optional;

/** A row of {@code businesses}, with the keyed hash of the business's API key (never the key). */
@MappedEntity(value = "businesses", escape = false)
record BusinessRow(@Id String businessId, String clientId, String name, String reviewMode, String refundMode,
                   @Nullable BigDecimal reviewAbove, String apiKeyHash, long createdAtMs) {

    static BusinessRow of(Business business, String apiKeyHash) {
        RefundPolicy policy = business.policy();
        return new BusinessRow(business.id().value(), business.clientId().value(), business.name(),
                policy.reviewMode().name(), policy.refundMode().name(), policy.reviewAbove().orElse(null),
                apiKeyHash, Times.millis(business.createdAt()));
    }

    Business toDomain() {
        RefundPolicy policy = new RefundPolicy(ReviewMode.valueOf(reviewMode), RefundMode.valueOf(refundMode),
                Optional.ofNullable(reviewAbove));
        return new Business(new BusinessId(businessId), new ClientId(clientId), name, policy,
                Times.instant(createdAtMs));
    }
}
