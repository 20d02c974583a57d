package dev.refunds.webhook;

import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our signatures against the Standard Webhooks reference library (svix) and a known answer. */
class StandardWebhookSignerTest {
    private static final String SECRET = new RandomWebhookIds().newSecret();
    private static final String BODY = "{\"type\":\"payment.refunded\",\"timestamp\":\"2026-05-17T09:00:00Z\","
            + "\"data\":{\"refund\":{\"refundId\":\"REF_20260517_M4N1J7QZ7D\",\"reason\":\"café — 返金\"}}}";

    @Test
    void signature_matches_the_known_answer_of_the_standard_webhooks_reference_tests() {
        String signature = StandardWebhookSigner.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void svix_verifies_what_we_sign_including_non_ascii_bodies() throws Exception {
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSigner.signature(SECRET, "evt_01", now, BODY);

        new Webhook(SECRET).verify(BODY, headers("evt_01", now, signature));   // throws when it does not verify
    }

    @Test
    void our_signature_is_the_one_svix_makes() throws Exception {
        long now = Instant.now().getEpochSecond();

        assertThat(StandardWebhookSigner.signature(SECRET, "evt_02", now, BODY))
                .isEqualTo(new Webhook(SECRET).sign("evt_02", now, BODY));
    }

    @Test
    void svix_refuses_the_signature_for_another_body_id_timestamp_or_secret() {
        long now = Instant.now().getEpochSecond();
        String signature = StandardWebhookSigner.signature(SECRET, "evt_03", now, BODY);

        assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY + " ", headers("evt_03", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY, headers("evt_04", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY, headers("evt_03", now - 1, signature)))
                .isInstanceOf(WebhookVerificationException.class);
        String otherSecret = new RandomWebhookIds().newSecret();
        assertThatThrownBy(() -> new Webhook(otherSecret).verify(BODY, headers("evt_03", now, signature)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void signature_is_hmac_sha256_of_id_timestamp_and_body_under_the_decoded_secret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(("evt_05.1700000000." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(StandardWebhookSigner.signature(SECRET, "evt_05", 1_700_000_000L, BODY)).isEqualTo(expected);
    }

    @Test
    void new_secrets_are_whsec_and_the_base64_of_32_random_bytes() {
        RandomWebhookIds ids = new RandomWebhookIds();
        String secret = ids.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(ids.newSecret()).isNotEqualTo(secret);
        assertThat(ids.newEndpointId()).matches("we_[0-9A-Z]{20}");
        assertThat(ids.newDeliveryId()).matches("wd_[0-9A-Z]{20}");
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
