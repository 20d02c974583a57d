package dev.refunds.application.business;

import dev.refunds.application.fakes.FakeApiKeyHasher;
import dev.refunds.application.fakes.MutableClock;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.ClientId;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The merchant read is spared while a key is fresh, and never at the price of accepting a key it should not. */
class RecentMerchantKeysTest {
    private static final Duration TTL = Duration.ofSeconds(5);
    private static final String KEY = "sk_live_current";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-17T10:00:00Z"));
    private final CountingBusinesses businesses = new CountingBusinesses();
    private final FakeApiKeyHasher hasher = new FakeApiKeyHasher();
    private final RecentMerchantKeys recent = new RecentMerchantKeys(TTL, clock);
    private final Business shop = new Business(new BusinessId("HB_000000000001"), new ClientId("HM_000000000001"),
            "Shop", RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE), clock.instant());
    private final String clientId = shop.clientId().value();
    private final String businessId = shop.id().value();
    private final AuthenticateMerchantService authenticate =
            new AuthenticateMerchantService(businesses, hasher, Optional.empty(), clock, recent);

    RecentMerchantKeysTest() {
        businesses.insert(shop, hasher.hash(KEY));
    }

    @Test
    void a_key_the_database_just_confirmed_is_not_read_again_within_the_ttl() {
        for (int i = 0; i < 5; i++) {
            assertThat(authenticate.authenticate(clientId, businessId, KEY)).contains(shop);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(businesses.reads).isEqualTo(1);
    }

    @Test
    void a_key_forgotten_on_this_instance_is_refused_at_once() {
        authenticate.authenticate(clientId, businessId, KEY);
        businesses.insert(shop, hasher.hash("sk_live_new"));

        recent.forget(shop.id());

        assertThat(authenticate.authenticate(clientId, businessId, KEY)).isEmpty();
        assertThat(authenticate.authenticate(clientId, businessId, "sk_live_new")).contains(shop);
    }

    @Test
    void a_key_revoked_elsewhere_works_here_until_the_ttl_and_not_a_moment_longer() {
        authenticate.authenticate(clientId, businessId, KEY);
        businesses.insert(shop, hasher.hash("sk_live_new"));   // another instance rotated it: no forget here

        clock.advance(TTL.minusMillis(1));
        assertThat(authenticate.authenticate(clientId, businessId, KEY)).contains(shop);
        clock.advance(Duration.ofMillis(1));
        assertThat(authenticate.authenticate(clientId, businessId, KEY)).isEmpty();
    }

    @Test
    void a_cached_key_with_another_client_id_or_business_id_is_refused() {
        authenticate.authenticate(clientId, businessId, KEY);

        assertThat(authenticate.authenticate("HM_000000000999", businessId, KEY)).isEmpty();
        assertThat(authenticate.authenticate(clientId, "HB_000000000999", KEY)).isEmpty();
        assertThat(authenticate.authenticate(clientId, businessId, KEY + "x")).isEmpty();
    }

    @Test
    void a_refused_key_is_not_remembered() {
        authenticate.authenticate(clientId, businessId, "sk_live_wrong");
        authenticate.authenticate(clientId, businessId, "sk_live_wrong");

        assertThat(businesses.reads).isEqualTo(2);
    }

    @Test
    void a_rotated_out_key_is_read_from_the_database_every_time_its_grace_has_its_own_end() {
        BusinessKeys grace = new BusinessKeys() {
            @Override
            public Optional<String> lockCurrentKeyHash(BusinessId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void replaceKey(BusinessId id, String newHash, String previousHash, Instant previousExpiresAt) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<PreviousKey> previousKey(BusinessId id) {
                return Optional.of(new PreviousKey(hasher.hash("sk_live_old"), clock.instant().plusSeconds(60)));
            }
        };
        AuthenticateMerchantService withGrace =
                new AuthenticateMerchantService(businesses, hasher, Optional.of(grace), clock, recent);

        assertThat(withGrace.authenticate(clientId, businessId, "sk_live_old")).contains(shop);
        assertThat(withGrace.authenticate(clientId, businessId, "sk_live_old")).contains(shop);

        assertThat(businesses.reads).isEqualTo(2);
    }

    @Test
    void what_a_read_saw_before_a_forget_is_not_kept_after_it() {
        long mark = recent.mark();
        recent.forget(shop.id());   // a rotation committed while the read was on its way

        recent.remember(hasher.hash(KEY), shop, mark);

        assertThat(recent.find(hasher.hash(KEY), businessId, clientId)).isEmpty();
    }

    @Test
    void a_zero_ttl_reads_the_database_every_time_and_a_negative_one_is_refused() {
        AuthenticateMerchantService uncached = new AuthenticateMerchantService(businesses, hasher, Optional.empty(),
                clock, new RecentMerchantKeys(Duration.ZERO, clock));

        uncached.authenticate(clientId, businessId, KEY);
        uncached.authenticate(clientId, businessId, KEY);

        assertThat(businesses.reads).isEqualTo(2);
        assertThatThrownBy(() -> new RecentMerchantKeys(Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }

    /** Businesses by id; {@code insert} replaces, as a rotation would; counts the reads of a hash. */
    private static final class CountingBusinesses implements BusinessRepository {
        private final Map<BusinessId, StoredBusiness> rows = new HashMap<>();
        int reads;

        @Override
        public void insert(Business business, String apiKeyHash) {
            rows.put(business.id(), new StoredBusiness(business, apiKeyHash));
        }

        @Override
        public Optional<Business> findById(BusinessId id) {
            return Optional.ofNullable(rows.get(id)).map(StoredBusiness::business);
        }

        @Override
        public Optional<StoredBusiness> findWithApiKeyHash(BusinessId id) {
            reads++;
            return Optional.ofNullable(rows.get(id));
        }
    }
}
