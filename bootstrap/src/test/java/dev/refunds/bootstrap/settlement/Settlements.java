package dev.refunds.bootstrap.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the settlement tests do over and over: ask for a refund over HTTP, poll it until the worker settled it, and
 * read the rows the settlement leaves behind (outbox events, the sandbox processor's ledger) straight from the
 * database. The database may hold other tests' rows (MariaDB is shared), so every query names its refund.
 */
final class Settlements {
    static final Map<String, Object> WORKER_ON = Map.of(
            "refunds.settlement.enabled", true,
            "refunds.settlement.poll-every", "50ms",
            "refunds.settlement.check-every", "50ms",
            "refunds.sandbox.settle-delay", "0s");
    static final Set<String> SETTLED = Set.of("COMPLETED", "FAILED", "REVERSED");
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(15);

    private Settlements() {
    }

    static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> all = new HashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            all.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return all;
    }

    static String refundsPath(String paymentId) {
        return "/api/v1/payments/" + paymentId + "/refunds";
    }

    /** A paid payment; returns its id. */
    static String paidPayment(Api api, Merchant merchant, String amount, String currency) {
        return api.payment(merchant, amount, currency, "LINK", true).path("paymentId").asText();
    }

    /** Asks for a refund ({@code amount} null: the whole remaining amount) that must be accepted. */
    static JsonNode requestRefund(Api api, Merchant merchant, String paymentId, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "settlement test");
        if (amount != null) {
            body.put("amount", amount);
        }
        ApiResponse answer = api.post(refundsPath(paymentId), Api.json(body), merchant.headers());
        assertThat(answer.status()).as("refund request answered %s", answer).isEqualTo(202);
        return answer.data();
    }

    static JsonNode refund(Api api, Merchant merchant, String paymentId, String refundId) {
        ApiResponse read = api.get(refundsPath(paymentId) + "/" + refundId, merchant.headers());
        assertThat(read.status()).as("GET refund answered %s", read).isEqualTo(200);
        return read.data();
    }

    static JsonNode payment(Api api, Merchant merchant, String paymentId) {
        ApiResponse read = api.get("/api/v1/payments/" + paymentId, merchant.headers());
        assertThat(read.status()).as("GET payment answered %s", read).isEqualTo(200);
        return read.data();
    }

    static ApiResponse cancel(Api api, Merchant merchant, String paymentId, String refundId) {
        return api.post(refundsPath(paymentId) + "/" + refundId + "/cancel", null, merchant.headers());
    }

    /** Polls GET until the refund is COMPLETED or FAILED; fails after {@code timeout}. */
    static JsonNode awaitSettled(Api api, Merchant merchant, String paymentId, String refundId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last;
        do {
            last = refund(api, merchant, paymentId, refundId);
            if (SETTLED.contains(last.path("status").asText())) {
                return last;
            }
            pause(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("refund " + refundId + " not settled within " + timeout + "; last seen " + last);
    }

    static JsonNode awaitSettled(Api api, Merchant merchant, String paymentId, String refundId) {
        return awaitSettled(api, merchant, paymentId, refundId, SETTLE_TIMEOUT);
    }

    // ---- the database -----------------------------------------------------------------------------------------

    /** The refund's outbox event types, in the order they were written. */
    static List<String> outboxTypes(JdbcSettings db, String refundId) {
        return strings(db, "SELECT event_type FROM outbox_events WHERE subject_id = ? ORDER BY seq", refundId);
    }

    /** The refund's outbox bodies, in the order they were written. */
    static List<String> outboxPayloads(JdbcSettings db, String refundId) {
        return strings(db, "SELECT payload FROM outbox_events WHERE subject_id = ? ORDER BY seq", refundId);
    }

    /** {@code submit_calls} of every row the sandbox processor holds for the refund (its id is the key). */
    static List<Integer> sandboxSubmitCalls(JdbcSettings db, String refundId) {
        return strings(db, "SELECT submit_calls FROM sandbox_processor_refunds WHERE refund_id = ?", refundId)
                .stream().map(Integer::valueOf).toList();
    }

    static boolean claimed(JdbcSettings db, String refundId) {
        return !strings(db, "SELECT claimed_at_ms FROM refunds WHERE refund_id = ? AND claimed_at_ms IS NOT NULL",
                refundId).isEmpty();
    }

    static List<String> strings(JdbcSettings db, String sql, Object... args) {
        return db.strings(sql, args);
    }

    static long count(JdbcSettings db, String sql, Object... args) {
        return Long.parseLong(strings(db, sql, args).get(0));
    }

    /**
     * Waits until no refund created before now is left {@code INITIATED}: the shared MariaDB keeps the unsent refunds
     * of suites that ran with the worker off, and the workers started here send them first. ({@code PROCESSING}
     * ones are not waited for: a refund on a payment whose books another suite left broken never settles.) Gives up
     * quietly after {@code max}, since every test names its own refunds; returns how many were left.
     */
    static long awaitBacklogDrained(JdbcSettings db, Duration max) {
        long startedMs = System.currentTimeMillis();
        String sql = "SELECT COUNT(*) FROM refunds WHERE status = 'INITIATED' AND initiated_at_ms < ?";
        long initial = count(db, sql, startedMs);
        long left = initial;
        long deadline = System.nanoTime() + max.toNanos();
        while (left > 0 && System.nanoTime() < deadline) {
            pause(100);
            left = count(db, sql, startedMs);
        }
        if (initial > 0) {
            System.out.printf("settlement backlog from other suites: %d INITIATED refunds, %d left after %d ms%n",
                    initial, left, System.currentTimeMillis() - startedMs);
        }
        return left;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
