package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.CountedStatements;
import dev.refunds.bootstrap.support.CountedStatements.Sent;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements a v1 refund request sends on MariaDB, counted by the driver itself ({@link CountedStatements}):
 * with the API key cache, the merchant read and its {@code COMMIT} are gone from all but the first request of a
 * key. MariaDB only: the count is of what goes over its wire (on H2 the same code runs in-process).
 */
class MerchantReadStatementsTest {
    private static final int REQUESTS = 10;

    @Test
    void a_refund_request_sends_the_merchant_read_and_its_commit_only_while_its_key_is_not_cached() {
        List<Sent> uncached = refundRequests("0s");
        List<Sent> cached = refundRequests("1m");

        assertThat(merchantReads(uncached)).as(describe(uncached)).isEqualTo(REQUESTS);
        assertThat(merchantReads(cached)).as(describe(cached)).isZero();
        assertThat(uncached.size() - cached.size()).as(describe(uncached) + "\n" + describe(cached))
                .isEqualTo(2 * REQUESTS);
    }

    /** What {@link #REQUESTS} keyed refund requests of one merchant sent, its API key confirmed just before. */
    private static List<Sent> refundRequests(String cacheTtl) {
        try (RunningService service = RunningService.start(CountedStatements.on(Backend.MARIADB.newDatabase()),
                Map.of("refunds.api-key-cache-ttl", cacheTtl))) {
            Api api = service.api();
            Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
            String paymentId = api.payment(merchant, "1000.00", "BDT", "LINK", true).path("paymentId").asText();
            CountedStatements.clear();
            for (int i = 0; i < REQUESTS; i++) {
                assertSuccess(api.post("/api/v1/payments/" + paymentId + "/refunds",
                        Api.json(Map.of("amount", "1.00", "reason", "r" + i)),
                        Api.with(merchant.headers(), "Idempotency-Key", cacheTtl + "-" + i)), 202);
            }
            List<Sent> sent = CountedStatements.sent().stream().filter(s -> !background(s)).toList();
            System.out.printf("api-key-cache-ttl %s: %.1f statements per refund request%n%s%n", cacheTtl,
                    (double) sent.size() / REQUESTS, describe(sent));
            return sent;
        }
    }

    /** The workers' own polling, and the pool's liveness check of a connection that sat idle for a while. */
    private static boolean background(Sent sent) {
        return sent.sql().equals("SELECT 1") || !sent.thread().startsWith("io-executor-thread")
                && !sent.thread().startsWith("default-nioEventLoop");
    }

    private static long merchantReads(List<Sent> sent) {
        return sent.stream().filter(s -> s.sql().toLowerCase(Locale.ROOT).contains("from `businesses`")
                || s.sql().toLowerCase(Locale.ROOT).contains("from businesses")).count();
    }

    private static String describe(List<Sent> sent) {
        return sent.stream().collect(Collectors.groupingBy(s -> s.thread().replaceAll("[0-9]+$", "") + ": "
                + s.sql().replaceAll("\\s+", " ").replaceAll("^(.{60}).*", "$1"), Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).sorted()
                .collect(Collectors.joining("\n"));
    }
}
