package dev.refunds.application.business;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticateMerchantServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final CreatedBusiness created = world.createdBusiness(RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE));
    private final Business business = created.business();
    private final String clientId = business.clientId().value();
    private final String businessId = business.id().value();
    private final String apiKey = created.apiKey();

    @Test
    void the_right_three_credentials_give_the_business() {
        assertThat(world.authenticate.authenticate(clientId, businessId, apiKey)).contains(business);
    }

    @Test
    void a_wrong_api_key_gives_nothing() {
        assertThat(world.authenticate.authenticate(clientId, businessId, apiKey + "0")).isEmpty();
        assertThat(world.authenticate.authenticate(clientId, businessId, "f" + apiKey.substring(1))).isEmpty();
    }

    @Test
    void the_stored_hash_presented_as_the_key_gives_nothing() {
        assertThat(world.authenticate.authenticate(clientId, businessId, world.hasher.hash(apiKey))).isEmpty();
    }

    @Test
    void a_wrong_client_id_gives_nothing() {
        assertThat(world.authenticate.authenticate("HM_000000000999", businessId, apiKey)).isEmpty();
    }

    @Test
    void another_business_s_client_id_gives_nothing() {
        Business other = world.autoBusiness();

        assertThat(world.authenticate.authenticate(other.clientId().value(), businessId, apiKey)).isEmpty();
    }

    @Test
    void this_key_with_another_business_s_ids_gives_nothing() {
        Business other = world.autoBusiness();

        assertThat(world.authenticate.authenticate(other.clientId().value(), other.id().value(), apiKey)).isEmpty();
    }

    @Test
    void an_unknown_business_gives_nothing_yet_the_key_is_still_compared() {
        int before = world.hasher.comparisons();

        assertThat(world.authenticate.authenticate(clientId, "HB_000000000999", apiKey)).isEmpty();
        assertThat(world.hasher.comparisons()).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "  \n"})
    void a_missing_or_blank_client_id_gives_nothing(String value) {
        assertThat(world.authenticate.authenticate(value, businessId, apiKey)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "  \n"})
    void a_missing_or_blank_business_id_gives_nothing(String value) {
        assertThat(world.authenticate.authenticate(clientId, value, apiKey)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "  \n"})
    void a_missing_or_blank_api_key_gives_nothing(String value) {
        assertThat(world.authenticate.authenticate(clientId, businessId, value)).isEmpty();
    }

    @Test
    void an_oversized_header_gives_nothing_without_comparing_a_key() {
        String oversized = "x".repeat(AuthenticateMerchantService.CREDENTIAL_LENGTH_MAX + 1);
        int before = world.hasher.comparisons();

        assertThat(world.authenticate.authenticate(oversized, businessId, apiKey)).isEmpty();
        assertThat(world.authenticate.authenticate(clientId, oversized, apiKey)).isEmpty();
        assertThat(world.authenticate.authenticate(clientId, businessId, oversized)).isEmpty();
        assertThat(world.authenticate.authenticate(clientId, businessId, apiKey + oversized)).isEmpty();
        assertThat(world.hasher.comparisons()).isEqualTo(before);
    }

    @Test
    void credentials_padded_with_spaces_give_nothing() {
        assertThat(world.authenticate.authenticate(" " + clientId, businessId, apiKey)).isEmpty();
        assertThat(world.authenticate.authenticate(clientId, businessId + " ", apiKey)).isEmpty();
        assertThat(world.authenticate.authenticate(clientId, businessId, apiKey + " ")).isEmpty();
    }

    @Test
    void authenticating_changes_nothing() {
        FakeWorld.State before = world.state();

        world.authenticate.authenticate(clientId, businessId, apiKey);
        world.authenticate.authenticate(clientId, businessId, "wrong");

        assertThat(world.state()).isEqualTo(before);
    }
}
