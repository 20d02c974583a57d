package dev.refunds.bootstrap.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import dev.refunds.bootstrap.support.RawHttp;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code X-Idempotency-Key} over HTTP, as API.md ("Idempotency") and the issue state it, for v1 payments, refunds,
 * completion and the admin POSTs: the replay is the first answer byte for byte plus {@code Idempotent-Replayed:
 * true}, nothing is created twice (counted in the database), another request with the key is {@code 422}, a
 * retry of a running one waits for it and replays its answer, a {@code 400} or a {@code 5xx} keeps nothing, and a
 * key is the business's own.
 * One service per backend; the MariaDB database is shared, so every test makes its own businesses and
 * admin keys are unique per run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryBackend
class IdempotencyTest {
    static final String KEY_HEADER = "X-Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String PAYMENTS = "/api/v1/payments";

    RunningService service;
    Api api;
    Database database;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    @BeforeParameterizedClassInvocation
    void startService() {
        service = RunningService.start(backend().newDatabase());
        api = service.api();
        database = new Database(service.database());
    }

    @AfterParameterizedClassInvocation
    void stopService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    // ==== POST /api/v1/payments ===================================================================================

    @Test
    void a_payment_created_with_a_key_is_replayed_byte_for_byte_and_not_created_again() {
        Merchant merchant = business();
        String body = "{\"amount\":\"150.00\",\"currency\":\"BDT\",\"merchantRef\":\"order-1\"}";

        ApiResponse first = api.post(PAYMENTS, body, keyed(merchant, "create-order-1"));
        ApiResponse replay = api.post(PAYMENTS, body, keyed(merchant, "create-order-1"));

        assertThat(first.status()).as("first answer %s", first).isEqualTo(201);
        assertReplayOf(first, replay);
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
        assertThat(api.get(PAYMENTS, merchant.headers()).data().path("items")).hasSize(1);
    }

    @Test
    void a_payment_with_the_same_key_and_another_body_is_refused_as_reused_and_not_created() {
        Merchant merchant = business();
        ApiResponse first = api.post(PAYMENTS, "{\"amount\":\"150.00\",\"currency\":\"BDT\"}",
                keyed(merchant, "k"));

        ApiResponse reused = api.post(PAYMENTS, "{\"amount\":\"151.00\",\"currency\":\"BDT\"}", keyed(merchant, "k"));

        assertThat(first.status()).isEqualTo(201);
        assertReused(reused);
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
        assertThat(api.post(PAYMENTS, "{\"amount\":\"150.00\",\"currency\":\"BDT\"}", keyed(merchant, "k")).raw())
                .as("the key still answers its first request").isEqualTo(first.raw());
    }

    @Test
    void the_same_body_with_other_key_order_and_white_space_is_the_same_request() {
        Merchant merchant = business();
        ApiResponse first = api.post(PAYMENTS, "{\"amount\":\"150.00\",\"currency\":\"BDT\"}", keyed(merchant, "k"));

        ApiResponse replay = api.post(PAYMENTS, "{ \"currency\" : \"BDT\",\n  \"amount\" : \"150.00\" }",
                keyed(merchant, "k"));

        assertReplayOf(first, replay);
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
    }

    @Test
    void a_payment_refused_as_invalid_keeps_no_key_so_the_fixed_body_succeeds_with_the_same_key() {
        Merchant merchant = business();

        ApiResponse invalid = api.post(PAYMENTS, "{\"amount\":\"1.234\",\"currency\":\"BDT\"}", keyed(merchant, "k"));
        ApiResponse missing = api.post(PAYMENTS, "{\"currency\":\"BDT\"}", keyed(merchant, "k"));
        ApiResponse malformed = api.post(PAYMENTS, "{\"amount\":", keyed(merchant, "k"));

        for (ApiResponse refused : new ApiResponse[] {invalid, missing, malformed}) {
            assertError(refused, 400, "VALIDATION_ERROR");
            assertThat(refused.headers().firstValue(REPLAYED)).as("replay header on %s", refused).isEmpty();
        }
        assertThat(database.key(merchant.businessId(), "k")).as("a 400 keeps no key").isEmpty();
        ApiResponse fixed = api.post(PAYMENTS, "{\"amount\":\"1.23\",\"currency\":\"BDT\"}", keyed(merchant, "k"));
        assertThat(fixed.status()).as("the fixed request with the same key: %s", fixed).isEqualTo(201);
        assertThat(fixed.headers().firstValue(REPLAYED)).isEmpty();
        assertReplayOf(fixed, api.post(PAYMENTS, "{\"amount\":\"1.23\",\"currency\":\"BDT\"}", keyed(merchant, "k")));
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
    }

    @Test
    void without_a_key_every_post_creates_anew() {
        Merchant merchant = business();
        String body = "{\"amount\":\"150.00\",\"currency\":\"BDT\"}";

        ApiResponse first = api.post(PAYMENTS, body, merchant.headers());
        ApiResponse second = api.post(PAYMENTS, body, merchant.headers());

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(second.text("paymentId")).isNotEqualTo(first.text("paymentId"));
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(2);
    }

    // ==== the key itself ==========================================================================================

    @Test
    void a_key_of_255_printable_ascii_characters_is_accepted_and_replays() {
        Merchant merchant = business();
        String key = printableAscii(255);
        String body = "{\"amount\":\"10.00\",\"currency\":\"BDT\"}";

        ApiResponse first = api.post(PAYMENTS, body, keyed(merchant, key));
        ApiResponse replay = api.post(PAYMENTS, body, keyed(merchant, key));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertReplayOf(first, replay);
        assertThat(database.key(merchant.businessId(), key)).isPresent();
    }

    @Test
    void a_key_with_blanks_and_punctuation_inside_is_a_valid_key() {
        Merchant merchant = business();
        String key = "order 42 / refund #1: \"full\" {ok}";
        String body = "{\"amount\":\"10.00\",\"currency\":\"BDT\"}";

        ApiResponse first = api.post(PAYMENTS, body, keyed(merchant, key));
        ApiResponse replay = api.post(PAYMENTS, body, keyed(merchant, key));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertReplayOf(first, replay);
        assertThat(database.key(merchant.businessId(), key)).isPresent();
    }

    @Test
    void the_header_name_is_matched_whatever_its_letter_case() {
        Merchant merchant = business();
        String body = "{\"amount\":\"10.00\",\"currency\":\"BDT\"}";

        ApiResponse first = api.post(PAYMENTS, body, Api.with(merchant.headers(), "x-idempotency-key", "k"));
        ApiResponse replay = api.post(PAYMENTS, body, Api.with(merchant.headers(), "X-IDEMPOTENCY-KEY", "k"));

        assertReplayOf(first, replay);
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
    }

    @Test
    void keys_differing_only_in_letter_case_are_two_keys() {
        Merchant merchant = business();
        String body = "{\"amount\":\"10.00\",\"currency\":\"BDT\"}";

        ApiResponse lower = api.post(PAYMENTS, body, keyed(merchant, "order-abc"));
        ApiResponse upper = api.post(PAYMENTS, body, keyed(merchant, "ORDER-ABC"));

        assertThat(lower.status()).isEqualTo(201);
        assertThat(upper.status()).as("%s", upper).isEqualTo(201);
        assertThat(upper.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(2);
    }

    /** Keys as the bytes a client puts on the wire (sent on a raw socket: see {@link RawHttp}). */
    Stream<Arguments> invalidKeys() {
        return Stream.of(
                arguments("256 characters", ascii(printableAscii(256))),
                arguments("empty", new byte[0]),
                arguments("a tab inside", ascii("order\t42")),
                arguments("non-ASCII as UTF-8", "cl\u00e9-42".getBytes(StandardCharsets.UTF_8)),
                arguments("non-ASCII as Latin-1", "cl\u00e9-42".getBytes(StandardCharsets.ISO_8859_1)),
                arguments("Cyrillic as UTF-8", "\u043a\u043b\u044e\u0447-42".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidKeys")
    void an_invalid_key_is_refused_with_400_naming_the_header_and_nothing_is_created(String name, byte[] key) {
        Merchant merchant = business();

        ApiResponse refused = RawHttp.post(service.uri(), PAYMENTS, "{\"amount\":\"10.00\",\"currency\":\"BDT\"}",
                merchant.headers(), KEY_HEADER, key);

        assertError(refused, 400, "VALIDATION_ERROR");
        assertThat(refused.errorField()).as("error.field of %s", refused).isEqualTo(KEY_HEADER);
        assertThat(database.paymentsOf(merchant.businessId())).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidKeys")
    void an_invalid_key_on_a_refund_is_refused_with_400_and_no_refund_is_made(String name, byte[] key) {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");

        ApiResponse refused = RawHttp.post(service.uri(), refunds(paymentId), refundBody("10.00"), merchant.headers(),
                KEY_HEADER, key);

        assertError(refused, 400, "VALIDATION_ERROR");
        assertThat(refused.errorField()).as("error.field of %s", refused).isEqualTo(KEY_HEADER);
        assertThat(database.refundsOf(paymentId)).isZero();
        assertThat(database.eventsOf(paymentId)).isZero();
    }

    /** Bytes HTTP itself forbids in a header value (RFC 9110: no CTL but HTAB); the server's HTTP layer sees them. */
    Stream<Arguments> keysWithControlBytes() {
        return Stream.of(
                arguments("a DEL inside", ascii("order\u007f42")),
                arguments("a control character inside", ascii("order\u000142")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysWithControlBytes")
    void a_key_with_a_control_byte_is_refused_with_400_blaming_a_header_and_nothing_is_created(String name,
                                                                                               byte[] key) {
        Merchant merchant = business();

        ApiResponse refused = RawHttp.post(service.uri(), PAYMENTS, "{\"amount\":\"10.00\",\"currency\":\"BDT\"}",
                merchant.headers(), KEY_HEADER, key);

        assertError(refused, 400, "VALIDATION_ERROR");
        assertThat(database.paymentsOf(merchant.businessId())).isZero();
        // Netty's decoder stops at a header with a control byte and drops the rest of the request, so no later
        // layer knows which header it was: the answer says a header is at fault instead of naming it.
        assertThat(refused.errorMessage()).as("error.message of %s", refused).contains("header");
    }

    @Test
    void the_raw_socket_client_sends_a_valid_key_the_service_accepts() {
        Merchant merchant = business();

        ApiResponse created = RawHttp.post(service.uri(), PAYMENTS, "{\"amount\":\"10.00\",\"currency\":\"BDT\"}",
                merchant.headers(), KEY_HEADER, ascii("raw-key-1"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(database.key(merchant.businessId(), "raw-key-1")).isPresent();
    }

    // ==== scope ===================================================================================================

    @Test
    void two_businesses_using_the_same_key_get_their_own_payments() {
        Merchant one = business();
        Merchant two = business();
        String body = "{\"amount\":\"150.00\",\"currency\":\"BDT\"}";

        ApiResponse first = api.post(PAYMENTS, body, keyed(one, "shared-key"));
        ApiResponse second = api.post(PAYMENTS, body, keyed(two, "shared-key"));
        ApiResponse otherBody = api.post(PAYMENTS, "{\"amount\":\"9.00\",\"currency\":\"USD\"}",
                keyed(business(), "shared-key"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(second.headers().firstValue(REPLAYED)).as("not the other business's answer").isEmpty();
        assertThat(second.text("paymentId")).isNotEqualTo(first.text("paymentId"));
        assertThat(otherBody.status()).as("another business's key is not a reuse: %s", otherBody).isEqualTo(201);
        assertThat(database.paymentsOf(one.businessId())).isEqualTo(1);
        assertThat(database.paymentsOf(two.businessId())).isEqualTo(1);
        assertReplayOf(first, api.post(PAYMENTS, body, keyed(one, "shared-key")));
        assertReplayOf(second, api.post(PAYMENTS, body, keyed(two, "shared-key")));
    }

    @Test
    void a_merchant_key_and_an_admin_key_with_the_same_text_are_independent() {
        Merchant merchant = business();
        String key = uniqueKey("shared-admin-merchant");
        String paymentId = paidPayment(merchant, "100.00");

        ApiResponse refund = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, key));
        ApiResponse dispute = api.post(disputes(paymentId), "{\"reason\":\"chargeback\"}", adminKeyed(key));

        assertThat(refund.status()).as("%s", refund).isEqualTo(202);
        assertThat(dispute.status()).as("the admin's key is not the merchant's: %s", dispute).isEqualTo(201);
        assertThat(dispute.headers().firstValue(REPLAYED)).isEmpty();
    }

    // ==== POST /api/v1/payments/{id}/refunds =========================================================================

    @Test
    void a_refund_requested_with_a_key_is_replayed_byte_for_byte_and_adds_no_refund_and_no_event() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");

        ApiResponse first = api.post(refunds(paymentId), refundBody("40.00"), keyed(merchant, "refund-1"));
        long refundsAfterFirst = database.refundsOf(paymentId);
        long eventsAfterFirst = database.eventsOf(paymentId);
        ApiResponse replay = api.post(refunds(paymentId), refundBody("40.00"), keyed(merchant, "refund-1"));

        assertThat(first.status()).as("%s", first).isEqualTo(202);
        assertReplayOf(first, replay);
        assertThat(refundsAfterFirst).isEqualTo(1);
        assertThat(eventsAfterFirst).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(1);
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId)).isEqualTo(1);
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("60.00");
    }

    @Test
    void a_replay_keeps_text_beyond_ascii_byte_for_byte() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String body = Api.json(Map.of("amount", "10.00",
                "reason", "Kunde \uD83D\uDE00 \u2014 r\u00e9clamation \u00abcolis\u00bb \u0431\u0438\u0442\u044b\u0439 \u4e2d\u6587"));

        ApiResponse first = api.post(refunds(paymentId), body, keyed(merchant, "unicode"));
        ApiResponse replay = api.post(refunds(paymentId), body, keyed(merchant, "unicode"));

        assertThat(first.status()).as("%s", first).isEqualTo(202);
        assertThat(first.text("reason")).contains("\uD83D\uDE00", "\u4e2d\u6587");
        assertReplayOf(first, replay);
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
    }

    @Test
    void a_refund_with_the_same_key_and_another_amount_is_refused_as_reused_and_nothing_is_added() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        ApiResponse first = api.post(refunds(paymentId), refundBody("40.00"), keyed(merchant, "refund-1"));

        ApiResponse reused = api.post(refunds(paymentId), refundBody("30.00"), keyed(merchant, "refund-1"));

        assertThat(first.status()).isEqualTo(202);
        assertReused(reused);
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId)).isEqualTo(1);
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("60.00");
    }

    @Test
    void the_same_key_and_body_on_another_payment_is_refused_as_reused() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String otherPaymentId = paidPayment(merchant, "100.00");
        ApiResponse first = api.post(refunds(paymentId), refundBody("40.00"), keyed(merchant, "refund-1"));

        ApiResponse reused = api.post(refunds(otherPaymentId), refundBody("40.00"), keyed(merchant, "refund-1"));

        assertThat(first.status()).isEqualTo(202);
        assertReused(reused);
        assertThat(database.refundsOf(otherPaymentId)).isZero();
        assertThat(database.eventsOf(otherPaymentId)).isZero();
    }

    @Test
    void a_refund_refused_as_invalid_keeps_no_key_so_the_fixed_refund_succeeds_with_the_same_key() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");

        ApiResponse badAmount = api.post(refunds(paymentId), refundBody("ten"), keyed(merchant, "refund-1"));
        ApiResponse noReason = api.post(refunds(paymentId), "{\"amount\":\"10.00\"}", keyed(merchant, "refund-1"));

        assertError(badAmount, 400, "VALIDATION_ERROR");
        assertError(noReason, 400, "VALIDATION_ERROR");
        assertThat(database.key(merchant.businessId(), "refund-1")).isEmpty();
        ApiResponse fixed = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-1"));
        assertThat(fixed.status()).as("the fixed refund with the same key: %s", fixed).isEqualTo(202);
        assertThat(fixed.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(1);
    }

    @Test
    void a_refused_refund_is_kept_and_replayed_even_after_the_payment_became_refundable() {
        Merchant merchant = business();
        String paymentId = pendingPayment(merchant, "100.00");
        ApiResponse refused = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-1"));
        assertError(refused, 409, "PAYMENT_NOT_REFUNDABLE");
        assertThat(api.post(PAYMENTS + "/" + paymentId + "/complete", null, merchant.headers()).status())
                .isEqualTo(200);

        ApiResponse replay = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-1"));

        assertReplayOf(refused, replay);
        assertThat(database.refundsOf(paymentId)).isZero();
        assertThat(api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-2")).status())
                .as("a new key is a new request").isEqualTo(202);
    }

    @Test
    void a_retry_while_the_first_refund_still_runs_waits_for_it_and_replays_its_answer_and_one_refund_is_made()
            throws Exception {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        CompletableFuture<ApiResponse> first;
        CompletableFuture<ApiResponse> retry;
        try (Database.RowLock slow = database.lockPayment(paymentId)) {
            first = CompletableFuture.supplyAsync(() -> api.post(refunds(paymentId), refundBody("40.00"),
                    keyed(merchant, "refund-1")));
            Thread.sleep(300);
            retry = CompletableFuture.supplyAsync(() -> api.post(refunds(paymentId), refundBody("40.00"),
                    keyed(merchant, "refund-1")));
            Thread.sleep(300);
            assertThat(database.key(merchant.businessId(), "refund-1"))
                    .as("nothing of a request is seen before it commits").isEmpty();
        }
        List<ApiResponse> answers = List.of(first.get(30, TimeUnit.SECONDS), retry.get(30, TimeUnit.SECONDS));

        List<ApiResponse> executed = answers.stream()
                .filter(answer -> answer.headers().firstValue(REPLAYED).isEmpty()).toList();
        assertThat(executed).as("exactly one of %s ran", answers).hasSize(1);
        assertThat(executed.get(0).status()).as("%s", executed.get(0)).isEqualTo(202);
        answers.stream().filter(answer -> answer != executed.get(0))
                .forEach(replayed -> assertReplayOf(executed.get(0), replayed));
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(1);
    }

    @Test
    void a_server_error_keeps_no_key_and_rolls_back_so_the_key_is_free_for_the_next_attempt() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String failing = Api.json(Map.of("amount", "10.00", "reason", FailingRefundInserts.REASON));
        ApiResponse failed;
        ApiResponse failedAgain;
        try (FailingRefundInserts ignored = FailingRefundInserts.install(backend(), database)) {
            failed = api.post(refunds(paymentId), failing, keyed(merchant, "refund-1"));
            assertThat(database.key(merchant.businessId(), "refund-1")).as("a 5xx keeps no key").isEmpty();
            failedAgain = api.post(refunds(paymentId), failing, keyed(merchant, "refund-1"));
        }

        assertThat(failed.status()).as("%s", failed).isGreaterThanOrEqualTo(500);
        assertThat(failed.errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(failedAgain.status()).as("the same request again runs again: %s", failedAgain)
                .isGreaterThanOrEqualTo(500);
        assertThat(failedAgain.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(database.refundsOf(paymentId)).isZero();
        assertThat(database.eventsOf(paymentId)).isZero();
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("100.00");
        ApiResponse other = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-1"));
        assertThat(other.status()).as("the freed key takes another request: %s", other).isEqualTo(202);
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
    }

    @Test
    void cancelling_a_refund_with_a_key_is_replayed_and_adds_no_second_cancelled_event() {
        Merchant merchant = manualBusiness();
        String paymentId = paidPayment(merchant, "100.00");
        String refundId = pendingReviewRefund(merchant, paymentId);
        String cancel = refunds(paymentId) + "/" + refundId + "/cancel";

        ApiResponse first = api.post(cancel, null, keyed(merchant, "cancel-1"));
        ApiResponse replay = api.post(cancel, null, keyed(merchant, "cancel-1"));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("CANCELLED");
        assertReplayOf(first, replay);
        assertThat(database.eventsOf(paymentId, "refund.cancelled")).isEqualTo(1);
        assertError(api.post(cancel, null, keyed(merchant, "cancel-2")), 409, "INVALID_STATE");
    }

    // ==== POST /api/v2/refundPayment =================================================================================

    @Test
    void a_v2_refund_with_a_key_is_replayed_byte_for_byte_and_its_key_with_another_amount_is_refused() {
        Merchant merchant = business();
        JsonNode paid = api.payment(merchant, "100.00", "BDT", "LINK", true);
        String paymentId = paid.path("paymentId").asText();
        String body = "{\"pay_id\":" + paid.path("payId").asLong() + ",\"refund_amount\":25.50}";

        ApiResponse first = api.post("/api/v2/refundPayment", body, keyed(merchant, "v2-refund"));
        ApiResponse replay = api.post("/api/v2/refundPayment", body, keyed(merchant, "v2-refund"));
        ApiResponse reused = api.post("/api/v2/refundPayment",
                "{\"pay_id\":" + paid.path("payId").asLong() + ",\"refund_amount\":25.51}", keyed(merchant, "v2-refund"));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertReplayOf(first, replay);
        assertThat(reused.status()).as("%s", reused).isEqualTo(422);
        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(1);
    }

    // ==== POST /api/v1/payments/{id}/complete =======================================================================

    @Test
    void completing_a_payment_with_a_key_replays_the_first_answer_instead_of_refusing_an_already_completed_one() {
        Merchant merchant = business();
        String paymentId = pendingPayment(merchant, "100.00");
        String complete = PAYMENTS + "/" + paymentId + "/complete";

        ApiResponse first = api.post(complete, null, keyed(merchant, "complete-1"));
        ApiResponse replay = api.post(complete, null, keyed(merchant, "complete-1"));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("COMPLETED");
        assertReplayOf(first, replay);
        assertError(api.post(complete, null, keyed(merchant, "complete-2")), 409, "INVALID_STATE");
        assertThat(payment(merchant, paymentId).path("completedAt").asText())
                .isEqualTo(first.text("completedAt"));
    }

    @Test
    void a_completion_key_reused_for_another_payment_is_refused_and_that_payment_stays_pending() {
        Merchant merchant = business();
        String paymentId = pendingPayment(merchant, "100.00");
        String otherId = pendingPayment(merchant, "100.00");
        api.post(PAYMENTS + "/" + paymentId + "/complete", null, keyed(merchant, "complete-1"));

        ApiResponse reused = api.post(PAYMENTS + "/" + otherId + "/complete", null, keyed(merchant, "complete-1"));

        assertReused(reused);
        assertThat(payment(merchant, otherId).path("status").asText()).isEqualTo("PENDING");
    }

    // ==== admin ===================================================================================================

    @Test
    void an_approval_with_a_key_is_replayed_byte_for_byte_and_adds_no_second_approved_event() {
        Merchant merchant = manualBusiness();
        String paymentId = paidPayment(merchant, "100.00");
        String refundId = pendingReviewRefund(merchant, paymentId);
        String key = uniqueKey("approve");

        ApiResponse first = api.post(approve(refundId), null, adminKeyed(key));
        ApiResponse replay = api.post(approve(refundId), null, adminKeyed(key));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("INITIATED");
        assertReplayOf(first, replay);
        assertThat(database.eventsOf(paymentId, "refund.approved")).isEqualTo(1);
        assertError(api.post(approve(refundId), null, adminKeyed(uniqueKey("approve"))), 409, "INVALID_STATE");
    }

    @Test
    void a_rejection_with_a_key_is_replayed_and_its_key_with_another_reason_is_refused_as_reused() {
        Merchant merchant = manualBusiness();
        String paymentId = paidPayment(merchant, "100.00");
        String refundId = pendingReviewRefund(merchant, paymentId);
        String key = uniqueKey("reject");

        ApiResponse first = api.post(reject(refundId), "{\"reason\":\"no receipt\"}", adminKeyed(key));
        ApiResponse replay = api.post(reject(refundId), "{\"reason\":\"no receipt\"}", adminKeyed(key));
        ApiResponse reused = api.post(reject(refundId), "{\"reason\":\"other\"}", adminKeyed(key));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("REJECTED");
        assertReplayOf(first, replay);
        assertReused(reused);
        assertThat(database.eventsOf(paymentId, "refund.rejected")).isEqualTo(1);
    }

    @Test
    void a_dispute_opened_with_a_key_is_replayed_byte_for_byte_and_not_opened_twice() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String key = uniqueKey("dispute");

        ApiResponse first = api.post(disputes(paymentId), "{\"reason\":\"goods never arrived\"}", adminKeyed(key));
        ApiResponse replay = api.post(disputes(paymentId), "{\"reason\":\"goods never arrived\"}", adminKeyed(key));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertReplayOf(first, replay);
        assertThat(database.disputesOf(paymentId)).isEqualTo(1);
    }

    @Test
    void admin_keys_are_one_scope_across_the_admin_endpoints() {
        Merchant merchant = manualBusiness();
        String paymentId = paidPayment(merchant, "100.00");
        String refundId = pendingReviewRefund(merchant, paymentId);
        String otherPaymentId = paidPayment(merchant, "100.00");
        String key = uniqueKey("admin");
        assertThat(api.post(approve(refundId), null, adminKeyed(key)).status()).isEqualTo(200);

        ApiResponse reused = api.post(disputes(otherPaymentId), "{\"reason\":\"chargeback\"}", adminKeyed(key));

        assertReused(reused);
        assertThat(database.disputesOf(otherPaymentId)).isZero();
    }

    @Test
    void an_admin_request_refused_as_invalid_keeps_no_key_so_the_fixed_one_succeeds_with_the_same_key() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String key = uniqueKey("dispute");

        ApiResponse invalid = api.post(disputes(paymentId), "{\"reason\":\"\"}", adminKeyed(key));

        assertError(invalid, 400, "VALIDATION_ERROR");
        assertThat(database.key("admin", key)).isEmpty();
        ApiResponse fixed = api.post(disputes(paymentId), "{\"reason\":\"chargeback\"}", adminKeyed(key));
        assertThat(fixed.status()).as("%s", fixed).isEqualTo(201);
        assertThat(database.disputesOf(paymentId)).isEqualTo(1);
    }

    @Test
    void a_business_created_with_a_key_is_replayed_with_its_api_key_redacted_and_not_created_twice() {
        String name = "Idempotent shop " + UUID.randomUUID();
        String body = Api.json(Map.of("name", name, "reviewMode", "AUTO", "refundMode", "MULTIPLE"));
        String key = uniqueKey("business");

        ApiResponse first = api.post("/api/admin/businesses", body, adminKeyed(key));
        ApiResponse replay = api.post("/api/admin/businesses", body, adminKeyed(key));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(replay.headers().firstValue(REPLAYED)).contains("true");
        String apiKey = first.text("apiKey");
        String shown = replay.text("apiKey");
        assertThat(shown).as("the replayed apiKey").isNotBlank().isNotEqualTo(apiKey);
        assertThat(replay.raw()).doesNotContain(apiKey);
        ObjectNode expected = first.json().deepCopy();
        ((ObjectNode) expected.path("data")).put("apiKey", shown);
        assertThat(replay.json()).as("all but the apiKey as first answered").isEqualTo(expected);
        assertThat(replay.raw()).isEqualTo(first.raw().replace(Api.json(apiKey), Api.json(shown)));
        assertThat(database.businessesNamed(name)).isEqualTo(1);
        assertThat(database.key("admin", key).orElseThrow().responseBody()).as("the key is never stored in clear")
                .doesNotContain(apiKey);
        Merchant created = new Merchant(first.text("clientId"), first.text("businessId"), apiKey);
        assertThat(api.get(PAYMENTS, created.headers()).status()).as("the first apiKey works").isEqualTo(200);
    }

    // ==== helpers =================================================================================================

    Merchant business() {
        return api.createBusiness("AUTO", "MULTIPLE", null);
    }

    Merchant manualBusiness() {
        return api.createBusiness("MANUAL", "MULTIPLE", null);
    }

    String paidPayment(Merchant merchant, String amount) {
        return api.payment(merchant, amount, "BDT", "LINK", true).path("paymentId").asText();
    }

    String pendingPayment(Merchant merchant, String amount) {
        return api.payment(merchant, amount, "BDT", "LINK", false).path("paymentId").asText();
    }

    JsonNode payment(Merchant merchant, String paymentId) {
        ApiResponse read = api.get(PAYMENTS + "/" + paymentId, merchant.headers());
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        return read.data();
    }

    String pendingReviewRefund(Merchant merchant, String paymentId) {
        ApiResponse requested = api.post(refunds(paymentId), refundBody("10.00"), merchant.headers());
        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        assertThat(requested.text("status")).isEqualTo("PENDING_REVIEW");
        return requested.text("refundId");
    }

    static String refunds(String paymentId) {
        return PAYMENTS + "/" + paymentId + "/refunds";
    }

    static String disputes(String paymentId) {
        return "/api/admin/payments/" + paymentId + "/disputes";
    }

    static String approve(String refundId) {
        return "/api/admin/refunds/" + refundId + "/approve";
    }

    static String reject(String refundId) {
        return "/api/admin/refunds/" + refundId + "/reject";
    }

    static String refundBody(String amount) {
        return Api.json(Map.of("amount", amount, "reason", "customer returned the goods"));
    }

    static String[] keyed(Merchant merchant, String key) {
        return Api.with(merchant.headers(), KEY_HEADER, key);
    }

    static String[] adminKeyed(String key) {
        return Api.with(Api.admin(), KEY_HEADER, key);
    }

    /** Admin keys share one scope on a database that outlives the run: each test takes a key of its own. */
    static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** {@code length} printable ASCII characters (no leading or trailing blank), all 94 visible ones in turn. */
    static String printableAscii(int length) {
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            key.append((char) ('!' + i % 94));
        }
        return key.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The replay is the first answer again, byte for byte, plus {@code Idempotent-Replayed: true}. */
    static void assertReplayOf(ApiResponse first, ApiResponse replay) {
        assertThat(first.headers().firstValue(REPLAYED)).as("replay header on the first answer %s", first).isEmpty();
        assertThat(replay.status()).as("status of the replay %s of %s", replay, first).isEqualTo(first.status());
        assertThat(replay.raw()).as("body of the replay").isEqualTo(first.raw());
        assertThat(replay.headers().firstValue(REPLAYED)).as("replay header on %s", replay).contains("true");
    }

    static void assertReused(ApiResponse reused) {
        assertError(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.errorField()).isEqualTo(KEY_HEADER);
        assertThat(reused.headers().firstValue(REPLAYED)).isEmpty();
    }

    static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.json()).as("a JSON body in %s", response).isNotNull();
        assertThat(response.json().path("status").asText()).isEqualTo("error");
        assertThat(response.errorCode()).as("error code of %s", response).isEqualTo(code);
    }
}
