package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.time.Duration;
import java.util.Map;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each instance keeps a key the database confirmed for {@code refunds.api-key-cache-ttl} (README, "Settings"): a key
 * revoked through one instance stops working there at once, and on another instance within that time.
 */
@OnH2AndMariaDb
class RevokedKeyAcrossInstancesTest {
    private static final Duration TTL = Duration.ofSeconds(3);
    private static final String PAYMENTS = "/api/v1/payments";

    @Parameter
    Backend backend;

    @Test
    void a_revoked_key_is_refused_at_once_on_its_instance_and_within_the_ttl_on_another() throws Exception {
        JdbcSettings database = backend.newDatabase();
        Map<String, Object> settings = Map.of("refunds.api-key-cache-ttl", TTL.toSeconds() + "s");
        try (RunningService here = RunningService.start(database, settings);
             RunningService elsewhere = RunningService.start(database, settings)) {
            Api revoking = here.api();
            Api other = elsewhere.api();
            Merchant merchant = revoking.createBusiness("AUTO", "MULTIPLE", null);
            assertSuccess(revoking.get(PAYMENTS, merchant.headers()), 200);
            long cachedBy = System.nanoTime();
            assertSuccess(other.get(PAYMENTS, merchant.headers()), 200);

            ApiResponse rotated = revoking.post("/api/admin/businesses/" + merchant.businessId() + "/rotate-key",
                    Api.json(Map.of("expiresInSeconds", 0)), Api.admin());

            assertSuccess(rotated, 200);
            assertError(revoking.get(PAYMENTS, merchant.headers()), 401, "UNAUTHORIZED");
            Duration refusedAfter = untilRefused(other, merchant, cachedBy);
            assertThat(refusedAfter).isLessThanOrEqualTo(TTL.plusSeconds(1));
            Merchant renewed = new Merchant(merchant.clientId(), merchant.businessId(), rotated.text("apiKey"));
            assertSuccess(other.get(PAYMENTS, renewed.headers()), 200);
            assertSuccess(revoking.get(PAYMENTS, renewed.headers()), 200);
        }
    }

    /** How long after {@code since} the instance first answered the revoked key 401 (polled every 50 ms). */
    private static Duration untilRefused(Api api, Merchant merchant, long since) throws InterruptedException {
        long giveUp = since + TTL.multipliedBy(4).toNanos();
        while (System.nanoTime() < giveUp) {
            ApiResponse answer = api.get(PAYMENTS, merchant.headers());
            if (answer.status() == 401) {
                assertError(answer, 401, "UNAUTHORIZED");
                return Duration.ofNanos(System.nanoTime() - since);
            }
            assertSuccess(answer, 200);
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }
}
