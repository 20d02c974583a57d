package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import dev.refunds.bootstrap.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The {@code X-Idempotency-Key} header itself: up to 255 printable ASCII characters (blanks and punctuation inside
 * allowed), the header name in any letter case, the key's own letter case significant; any other key, sent as raw
 * bytes, is {@code 400} naming the header and creates nothing.
 */
@OnEveryBackend
class IdempotencyKeyFormatTest extends IdempotencyHarness {

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
}
