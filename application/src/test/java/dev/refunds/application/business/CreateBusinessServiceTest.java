package dev.refunds.application.business;

import dev.refunds.application.business.BusinessRepository.StoredBusiness;
import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateBusinessServiceTest {
    private final FakeWorld world = FakeWorld.direct();

    @Test
    void a_new_business_keeps_its_name_policy_and_creation_time() {
        RefundPolicy policy = new RefundPolicy(ReviewMode.AUTO, RefundMode.MULTIPLE,
                Optional.of(new BigDecimal("1000.00")));

        CreatedBusiness created = world.createBusiness.handle(new CreateBusinessCommand("ShadhinPay", policy));

        Business business = created.business();
        assertThat(business.name()).isEqualTo("ShadhinPay");
        assertThat(business.policy()).isEqualTo(policy);
        assertThat(business.createdAt()).isEqualTo(FakeWorld.START);
        assertThat(world.businesses.findById(business.id())).contains(business);
    }

    @Test
    void ids_follow_the_documented_formats() {
        Business business = world.autoBusiness();

        assertThat(business.id().value()).matches("HB_[0-9a-f]{12}");
        assertThat(business.clientId().value()).matches("HM_[0-9a-f]{12}");
    }

    @Test
    void the_api_key_is_returned_once_and_only_its_hash_is_stored() {
        CreatedBusiness created = world.createdBusiness(RefundPolicy.of(ReviewMode.MANUAL, RefundMode.SINGLE));

        StoredBusiness stored = world.businesses.findWithApiKeyHash(created.business().id()).orElseThrow();
        assertThat(created.apiKey()).isNotBlank();
        assertThat(stored.apiKeyHash()).isEqualTo(world.hasher.hash(created.apiKey()));
        assertThat(stored.apiKeyHash()).isNotEqualTo(created.apiKey());
    }

    @Test
    void the_returned_credentials_authenticate_the_new_business() {
        CreatedBusiness created = world.createdBusiness(RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE));
        Business business = created.business();

        assertThat(world.authenticate.authenticate(business.clientId().value(), business.id().value(),
                created.apiKey())).contains(business);
    }

    @Test
    void two_businesses_get_distinct_ids_client_ids_and_keys() {
        CreatedBusiness first = world.createdBusiness(RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE));
        CreatedBusiness second = world.createdBusiness(RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE));

        assertThat(first.business().id()).isNotEqualTo(second.business().id());
        assertThat(first.business().clientId()).isNotEqualTo(second.business().clientId());
        assertThat(first.apiKey()).isNotEqualTo(second.apiKey());
        assertThat(world.businesses.all()).hasSize(2);
    }

    @Test
    void a_blank_or_too_long_name_is_refused_before_anything_is_stored() {
        RefundPolicy policy = RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE);

        assertThatThrownBy(() -> new CreateBusinessCommand(" ", policy))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreateBusinessCommand("x".repeat(Business.NAME_LENGTH_MAX + 1), policy))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CreateBusinessCommand("x".repeat(Business.NAME_LENGTH_MAX), policy).name())
                .hasSize(Business.NAME_LENGTH_MAX);
        assertThat(world.businesses.all()).isEmpty();
    }
}
