package dev.refunds.bootstrap.idempotency;

import dev.refunds.application.idempotency.PurgeIdempotencyKeys;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key left in progress by an instance that crashed (arranged directly in {@code idempotency_keys}: no response,
 * a lease) holds its request off with {@code 409} until the lease ends, then exactly one retry runs it. Keys are
 * kept at least 24 h and then purged, in batches, by every instance at once without harm. The service runs with
 * a short lease ({@value #LEASE_MS} ms) so the test need not wait 30 s.
 */
@OnH2AndMariaDb
class CrashedKeysAndPurgeTest extends IdempotencyHarness {
    static final long LEASE_MS = 2_000;
    static final long HOUR_MS = Duration.ofHours(1).toMillis();

    final ExecutorService clients = Executors.newCachedThreadPool();

    @Override
    Map<String, Object> settings() {
        return Map.of("refunds.idempotency.lease", LEASE_MS + "ms");
    }

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    // ==== crash and lease =========================================================================================

    @Test
    void a_key_left_in_progress_by_a_crashed_instance_answers_409_while_its_lease_runs_and_runs_once_after()
            throws InterruptedException {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(merchant);
        String hash = requestHashOfARefund(merchant, paymentId);
        String crashedOwner = UUID.randomUUID().toString();
        long leaseUntil = System.currentTimeMillis() + 3_000;
        database.insertKey(new Database.KeyRow(merchant.businessId(), "crashed", hash, crashedOwner, leaseUntil,
                null, null, System.currentTimeMillis() - 1_000));

        ApiResponse atOnce = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "crashed"));
        assertError(atOnce, 409, "IDEMPOTENCY_IN_PROGRESS");
        assertThat(database.refundsOf(paymentId)).as("only the probe's refund").isEqualTo(1);

        List<String> whileLeased = new ArrayList<>();
        ApiResponse answered = null;
        long deadline = leaseUntil + 15_000;
        while (System.currentTimeMillis() < deadline) {
            ApiResponse retry = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "crashed"));
            long receivedAt = System.currentTimeMillis();
            if (retry.status() != 409 || !"IDEMPOTENCY_IN_PROGRESS".equals(retry.errorCode())) {
                assertThat(receivedAt).as("answered %s before the lease ended", retry)
                        .isGreaterThanOrEqualTo(leaseUntil);
                answered = retry;
                break;
            }
            whileLeased.add(retry.status() + " " + retry.errorCode());
            Thread.sleep(200);
        }

        assertThat(answered).as("a retry after the lease ended").isNotNull();
        assertThat(answered.status()).as("%s", answered).isEqualTo(202);
        assertThat(database.refundsOf(paymentId)).as("the probe's refund and this one").isEqualTo(2);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(2);
        Database.KeyRow taken = database.key(merchant.businessId(), "crashed").orElseThrow();
        assertThat(taken.ownerToken()).isNotEqualTo(crashedOwner);
        assertThat(taken.responseStatus()).isEqualTo(202);
        assertThat(taken.responseBody()).isEqualTo(answered.raw());
        assertReplayOf(answered, api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "crashed")));
        assertThat(database.refundsOf(paymentId)).isEqualTo(2);
    }

    /**
     * A new key's transaction runs the refund first and writes the key with its answer at its end, so both requests
     * queue on the payment's lock before either meets the crashed key. Then each one's first transaction rolls back
     * on the key, one takes the key over and runs the refund, and the other is told the request is in progress or
     * gets the first one's answer replayed. (That an overtaken owner cannot commit is IdempotencyServiceTest's.)
     */
    @Test
    void requests_held_on_the_payment_behind_a_crashed_key_whose_lease_ran_out_make_exactly_one_refund()
            throws Exception {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(merchant);
        String crashedOwner = UUID.randomUUID().toString();
        database.insertKey(new Database.KeyRow(merchant.businessId(), "slow", requestHashOfARefund(merchant,
                paymentId), crashedOwner, System.currentTimeMillis() - 1, null, null,
                System.currentTimeMillis() - 60_000));
        CompletableFuture<ApiResponse> first;
        CompletableFuture<ApiResponse> second;
        try (Database.RowLock held = database.lockPayment(paymentId)) {
            first = CompletableFuture.supplyAsync(() -> api.post(refunds(paymentId), refundBody("10.00"),
                    keyed(merchant, "slow")), clients);
            second = CompletableFuture.supplyAsync(() -> api.post(refunds(paymentId), refundBody("10.00"),
                    keyed(merchant, "slow")), clients);
            Thread.sleep(300);   // both reach the payment's lock
        }
        List<ApiResponse> answers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

        assertThat(answers).extracting(answer -> answer.status() + " " + answer.errorCode())
                .as("one answer ran the refund; the other found it in progress or replays it")
                .contains("202 null").allMatch(answer -> answer.equals("202 null")
                        || answer.equals("409 IDEMPOTENCY_IN_PROGRESS"));
        List<ApiResponse> accepted = answers.stream().filter(answer -> answer.status() == 202).toList();
        List<ApiResponse> ran = accepted.stream()
                .filter(answer -> answer.headers().firstValue(REPLAYED).isEmpty()).toList();
        assertThat(ran).as("exactly one answer ran the refund; a second 202 is its replay").hasSize(1);
        ApiResponse executed = ran.get(0);
        assertThat(accepted).extracting(ApiResponse::raw).containsOnly(executed.raw());
        assertThat(database.refundsOf(paymentId)).as("the probe's refund and this one").isEqualTo(2);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(2);
        assertThat(database.eventsOf(paymentId)).isEqualTo(2);
        Database.KeyRow taken = database.key(merchant.businessId(), "slow").orElseThrow();
        assertThat(taken.ownerToken()).isNotEqualTo(crashedOwner);
        assertThat(taken.responseBody()).isEqualTo(executed.raw());
        assertReplayOf(executed, api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "slow")));
        assertThat(api.get("/api/v1/payments/" + paymentId, merchant.headers()).data().path("refundableAmount")
                .asText()).isEqualTo("80.00");
    }

    @Test
    void a_key_left_in_progress_whose_lease_is_over_is_taken_over_by_the_first_retry() {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(merchant);
        String hash = requestHashOfARefund(merchant, paymentId);
        long now = System.currentTimeMillis();
        database.insertKey(new Database.KeyRow(merchant.businessId(), "crashed", hash, UUID.randomUUID().toString(),
                now - 1, null, null, now - 60_000));

        ApiResponse retry = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "crashed"));

        assertThat(retry.status()).as("%s", retry).isEqualTo(202);
        assertThat(retry.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(database.refundsOf(paymentId)).isEqualTo(2);
        assertReplayOf(retry, api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "crashed")));
    }

    @Test
    void a_key_left_in_progress_still_refuses_another_request_as_reused() {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(merchant);
        long now = System.currentTimeMillis();
        database.insertKey(new Database.KeyRow(merchant.businessId(), "crashed", "0".repeat(64),
                UUID.randomUUID().toString(), now + 60_000, null, null, now));

        ApiResponse other = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "crashed"));

        assertReused(other);
        assertThat(database.refundsOf(paymentId)).isZero();
    }

    /** A new key is written with its answer and needs no lease; a take-over of a crashed one holds the setting's. */
    @Test
    void a_take_over_holds_the_configured_lease() {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(merchant);
        String hash = requestHashOfARefund(merchant, paymentId);
        long now = System.currentTimeMillis();
        database.insertKey(new Database.KeyRow(merchant.businessId(), "lease", hash, UUID.randomUUID().toString(),
                now - 1, null, null, now - 60_000));

        long before = System.currentTimeMillis();
        ApiResponse taken = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "lease"));
        long after = System.currentTimeMillis();

        assertThat(taken.status()).as("%s", taken).isEqualTo(202);
        Database.KeyRow row = database.key(merchant.businessId(), "lease").orElseThrow();
        assertThat(row.leaseUntilMs()).isBetween(before + LEASE_MS, after + LEASE_MS);
    }

    // ==== purge ===================================================================================================

    @Test
    void the_purge_deletes_keys_older_than_25_hours_and_keeps_every_younger_one() {
        String scope = uniqueScope();
        long now = System.currentTimeMillis();
        database.insertKeys(List.of(
                finished(scope, "old-finished", now - 25 * HOUR_MS - 60_000),
                inProgress(scope, "old-in-progress", now - 26 * HOUR_MS),
                finished(scope, "a-day-old", now - 24 * HOUR_MS - 60_000),
                finished(scope, "an-hour-old", now - HOUR_MS),
                inProgress(scope, "fresh", now)));
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        ApiResponse live = api.post(PAYMENTS, "{\"amount\":\"5.00\",\"currency\":\"BDT\"}",
                keyed(merchant, "live"));

        int deleted = service.bean(PurgeIdempotencyKeys.class).run();

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(database.key(scope, "old-finished")).isEmpty();
        assertThat(database.key(scope, "old-in-progress")).isEmpty();
        assertThat(database.key(scope, "a-day-old")).as("kept at least 24 h").isPresent();
        assertThat(database.key(scope, "an-hour-old")).isPresent();
        assertThat(database.key(scope, "fresh")).isPresent();
        assertReplayOf(live, api.post(PAYMENTS, "{\"amount\":\"5.00\",\"currency\":\"BDT\"}",
                keyed(merchant, "live")));
    }

    @Test
    void the_purge_deletes_more_than_one_batch_in_one_run() {
        String scope = uniqueScope();
        long old = System.currentTimeMillis() - 30 * HOUR_MS;
        List<Database.KeyRow> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(finished(scope, "old-" + i, old + i));
        }
        database.insertKeys(rows);

        int deleted = service.bean(PurgeIdempotencyKeys.class).run();

        assertThat(deleted).isGreaterThanOrEqualTo(2_500);
        assertThat(database.count("SELECT COUNT(*) FROM idempotency_keys WHERE scope = ?", scope)).isZero();
    }

    @Test
    void the_same_key_in_two_scopes_is_purged_by_its_own_age() {
        String oldScope = uniqueScope();
        String freshScope = uniqueScope();
        long now = System.currentTimeMillis();
        database.insertKeys(List.of(finished(oldScope, "same-key", now - 30 * HOUR_MS),
                finished(freshScope, "same-key", now - HOUR_MS)));

        service.bean(PurgeIdempotencyKeys.class).run();

        assertThat(database.key(oldScope, "same-key")).isEmpty();
        assertThat(database.key(freshScope, "same-key")).isPresent();
    }

    @Test
    void purges_running_at_once_on_two_instances_delete_every_old_key_exactly_once_and_fail_nothing()
            throws Exception {
        String scope = uniqueScope();
        long now = System.currentTimeMillis();
        List<Database.KeyRow> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(finished(scope, "old-" + i, now - 30 * HOUR_MS + i));
        }
        for (int i = 0; i < 50; i++) {
            rows.add(finished(scope, "fresh-" + i, now - HOUR_MS + i));
        }
        database.insertKeys(rows);
        long oldInTable = database.count("SELECT COUNT(*) FROM idempotency_keys WHERE created_at_ms < ?",
                now - 25 * HOUR_MS - 60_000);

        try (RunningService second = RunningService.start(service.database())) {
            List<PurgeIdempotencyKeys> purges = List.of(service.bean(PurgeIdempotencyKeys.class),
                    second.bean(PurgeIdempotencyKeys.class), service.bean(PurgeIdempotencyKeys.class),
                    second.bean(PurgeIdempotencyKeys.class));
            ExecutorService threads = Executors.newFixedThreadPool(purges.size());
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (PurgeIdempotencyKeys purge : purges) {
                    Callable<Integer> run = () -> {
                        go.await();
                        return purge.run();
                    };
                    runs.add(threads.submit(run));
                }
                go.countDown();
                int deleted = 0;
                for (Future<Integer> run : runs) {
                    deleted += run.get(60, TimeUnit.SECONDS);
                }

                assertThat(deleted).as("keys deleted by all four runs together").isEqualTo((int) oldInTable);
            } finally {
                threads.shutdownNow();
            }
        }
        assertThat(database.count("SELECT COUNT(*) FROM idempotency_keys WHERE scope = ? AND idem_key LIKE 'old-%'",
                scope)).isZero();
        assertThat(database.count("SELECT COUNT(*) FROM idempotency_keys WHERE scope = ? AND idem_key LIKE 'fresh-%'",
                scope)).isEqualTo(50);
    }

    // ==== helpers =================================================================================================

    String paidPayment(Merchant merchant) {
        return api.payment(merchant, "100.00", "BDT", "LINK", true).path("paymentId").asText();
    }

    /**
     * The request hash the service keeps for {@code POST …/refunds} with {@link IdempotencyHarness#refundBody}
     * ("10.00") on this payment: a first, real refund with another key records it. The hash covers method, path
     * and body, not the key, so a row arranged with it stands for the very same request.
     */
    String requestHashOfARefund(Merchant merchant, String paymentId) {
        ApiResponse probe = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "probe"));
        assertThat(probe.status()).as("%s", probe).isEqualTo(202);
        return database.key(merchant.businessId(), "probe").orElseThrow().requestHash();
    }

    static String uniqueScope() {
        return "purge-test-" + UUID.randomUUID().toString().substring(0, 18);
    }

    static Database.KeyRow finished(String scope, String key, long createdAtMs) {
        return new Database.KeyRow(scope, key, "a".repeat(64), UUID.randomUUID().toString(), createdAtMs + LEASE_MS,
                201, "{\"status\":\"success\",\"data\":{}}", createdAtMs);
    }

    static Database.KeyRow inProgress(String scope, String key, long createdAtMs) {
        return new Database.KeyRow(scope, key, "b".repeat(64), UUID.randomUUID().toString(), createdAtMs + LEASE_MS,
                null, null, createdAtMs);
    }
}
