package dev.refunds.application.contract;

import dev.refunds.application.business.BusinessRepository.StoredBusiness;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.ClientId;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static dev.refunds.application.contract.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link dev.refunds.application.business.BusinessRepository} does: a business and the hash of its API key
 * read back as written; an id in another case names nothing; a second business under the same id is refused.
 */
public abstract class BusinessRepositoryContract {
    protected abstract Storage storage();

    @Test
    void a_business_reads_back_with_its_policy_and_the_hash_of_its_key() {
        Business written = Rows.business(storage());
        Business business = new Business(new BusinessId("HB_" + written.id().value().substring(3, 9) + "abcdef"),
                new ClientId("HM_" + Rows.suffix(12).toLowerCase()), "Contract shop",
                new RefundPolicy(ReviewMode.AUTO, RefundMode.SINGLE, Optional.of(new BigDecimal("500.25"))), T0);
        String hash = "a".repeat(64);
        storage().inTransaction(() -> storage().businesses().insert(business, hash));

        Business read = storage().businesses().findById(business.id()).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("policy.reviewAbove").isEqualTo(business);
        assertThat(read.policy().reviewAbove()).hasValueSatisfying(limit ->
                assertThat(limit).isEqualByComparingTo("500.25"));
        assertThat(storage().businesses().findWithApiKeyHash(business.id()).map(StoredBusiness::apiKeyHash))
                .contains(hash);
        assertThat(storage().businesses().findById(written.id())).contains(written);
    }

    @Test
    void an_unknown_id_or_the_same_id_in_another_case_names_nothing() {
        Business business = Rows.business(storage());

        // Every letter's case swapped: an id whose random part has no letter still differs (its "HB_" prefix).
        String otherCase = business.id().value().chars()
                .map(c -> Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(otherCase).isNotEqualTo(business.id().value());
        assertThat(storage().businesses().findById(new BusinessId(otherCase))).isEmpty();
        assertThat(storage().businesses().findWithApiKeyHash(new BusinessId("HB_" + "f".repeat(12)))).isEmpty();
    }

    @Test
    void a_second_business_under_the_same_id_is_refused() {
        Business business = Rows.business(storage());
        Business twin = new Business(business.id(), new ClientId("HM_" + Rows.suffix(12).toLowerCase()),
                "Contract shop", business.policy(), T0);

        assertThatThrownBy(() -> storage().inTransaction(() -> storage().businesses().insert(twin, "b".repeat(64))))
                .isInstanceOf(RuntimeException.class);
        assertThat(storage().businesses().findById(business.id())).contains(business);
    }
}
