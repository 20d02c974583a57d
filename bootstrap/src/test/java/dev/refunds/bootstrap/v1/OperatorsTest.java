package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/** Named operators: roles, tokens shown once, revocation that acts at once, API-key rotation, bad input. */
@OnH2AndMariaDb
class OperatorsTest extends ServiceContract {
    static final String OPERATORS = "/api/admin/operators";

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** Creates an operator as root; returns its token. */
    String operatorToken(String name, String role) {
        ApiResponse created = api.post(OPERATORS, Api.json(Map.of("name", name, "role", role)), Api.admin());
        assertSuccess(created, 201);
        return created.text("token");
    }

    String operatorId(String token) {
        ApiResponse me = api.get(OPERATORS + "/me", bearer(token));
        assertSuccess(me, 200);
        return me.text("operatorId");
    }

    List<String> operatorIds() {
        return allIds(OPERATORS + "?limit=100", "operatorId", Api.admin());
    }

    @Test
    void root_creates_an_operator_whose_token_is_shown_once_and_works() {
        ApiResponse created = api.post(OPERATORS, Api.json(Map.of("name", "Ayesha", "role", "REVIEWER")), Api.admin());

        assertSuccess(created, 201);
        assertThat(created.text("role")).isEqualTo("REVIEWER");
        String token = created.text("token");
        assertThat(token).startsWith("op_").hasSizeGreaterThan(40);
        ApiResponse me = api.get(OPERATORS + "/me", bearer(token));
        assertSuccess(me, 200);
        assertThat(me.text("name")).isEqualTo("Ayesha");
        assertThat(me.text("operatorId")).isEqualTo(created.text("operatorId"));
        ApiResponse listed = api.get(OPERATORS + "?limit=100", Api.admin());
        assertThat(listed.raw()).contains(created.text("operatorId")).doesNotContain(token);
        assertThat(api.get(OPERATORS + "/me", Api.admin()).text("operatorId")).isEqualTo("root");
    }

    @Test
    void a_reviewer_reviews_refunds_and_disputes_but_may_not_create_businesses_or_operators() {
        String reviewer = operatorToken("Rahim", "REVIEWER");
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "10.00");

        assertSuccess(api.post("/api/admin/refunds/" + refundId + "/approve", null, bearer(reviewer)), 200);
        assertSuccess(api.post("/api/admin/payments/" + paymentId + "/disputes",
                Api.json(Map.of("reason", "chargeback")), bearer(reviewer)), 201);
        assertError(api.post("/api/admin/businesses", Api.json(Map.of("name", "x", "reviewMode", "AUTO",
                "refundMode", "MULTIPLE")), bearer(reviewer)), 403, "FORBIDDEN");
        assertError(api.post(OPERATORS, Api.json(Map.of("name", "x", "role", "ADMIN")), bearer(reviewer)),
                403, "FORBIDDEN");
        assertError(api.get(OPERATORS, bearer(reviewer)), 403, "FORBIDDEN");
        assertError(api.post("/api/admin/businesses/" + merchant.businessId() + "/rotate-key", null,
                bearer(reviewer)), 403, "FORBIDDEN");
    }

    @Test
    void a_viewer_reads_but_an_approval_is_forbidden_and_changes_nothing() {
        String viewer = operatorToken("Vera", "VIEWER");
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "10.00");

        assertSuccess(api.get("/api/admin/refunds?refundId=" + refundId, bearer(viewer)), 200);
        assertSuccess(api.get("/api/admin/payments/" + paymentId, bearer(viewer)), 200);
        assertError(api.post("/api/admin/refunds/" + refundId + "/approve", null, bearer(viewer)), 403, "FORBIDDEN");
        assertError(api.post("/api/admin/refunds/" + refundId + "/reject", null, bearer(viewer)), 403, "FORBIDDEN");

        assertThat(refundOf(merchant, paymentId, refundId).path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(api.get("/api/admin/audit?subject=" + refundId, Api.admin()).data().path("items").size())
                .isZero();
    }

    @Test
    void a_revoked_token_fails_at_once_and_a_second_revoke_is_refused() {
        String token = operatorToken("Leaving", "ADMIN");
        String id = operatorId(token);

        ApiResponse revoked = api.post(OPERATORS + "/" + id + "/revoke", null, Api.admin());

        assertSuccess(revoked, 200);
        assertThat(revoked.text("revokedAt")).isNotBlank();
        assertError(api.get(OPERATORS + "/me", bearer(token)), 401, "UNAUTHORIZED");
        assertError(api.post(OPERATORS + "/" + id + "/revoke", null, Api.admin()), 409, "INVALID_STATE");
        assertError(api.post(OPERATORS + "/OP_NOSUCHONE/revoke", null, Api.admin()), 404, "NOT_FOUND");
    }

    @Test
    void revoking_root_is_refused_and_root_keeps_working() {
        assertError(api.post(OPERATORS + "/root/revoke", null, Api.admin()), 409, "INVALID_STATE");
        assertSuccess(api.get(OPERATORS + "/me", Api.admin()), 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"x\",\"role\":\"OWNER\"}", "{\"name\":\"x\",\"role\":\"admin\"}",
            "{\"name\":\"x\"}", "{\"name\":\"\",\"role\":\"VIEWER\"}", "{\"name\":\"   \",\"role\":\"VIEWER\"}",
            "{\"role\":\"VIEWER\"}", "{\"name\":5,\"role\":\"VIEWER\"}"})
    void an_unknown_role_or_an_empty_name_is_a_400_and_creates_nobody(String body) {
        List<String> before = operatorIds();

        ApiResponse refused = api.post(OPERATORS, body, Api.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.errorField()).isIn("name", "role");
        assertThat(operatorIds()).isEqualTo(before);
    }

    @Test
    void a_wrong_or_missing_token_is_a_401() {
        assertError(api.get(OPERATORS + "/me", bearer("op_not-a-real-token")), 401, "UNAUTHORIZED");
        assertError(api.get(OPERATORS + "/me"), 401, "UNAUTHORIZED");
    }

    // ---- API-key rotation -------------------------------------------------------------------------------------

    @Test
    void a_rotated_key_works_at_once_and_the_old_one_until_it_expires() {
        Merchant merchant = autoBusiness();
        ApiResponse rotated = api.post("/api/admin/businesses/" + merchant.businessId() + "/rotate-key",
                Api.json(Map.of("expiresInSeconds", 3600)), Api.admin());

        assertSuccess(rotated, 200);
        Merchant renewed = new Merchant(merchant.clientId(), merchant.businessId(), rotated.text("apiKey"));
        assertThat(renewed.apiKey()).isNotEqualTo(merchant.apiKey()).startsWith("sk_live_");
        assertSuccess(api.get(PAYMENTS, renewed.headers()), 200);
        assertSuccess(api.get(PAYMENTS, merchant.headers()), 200);

        ApiResponse again = api.post("/api/admin/businesses/" + merchant.businessId() + "/rotate-key",
                Api.json(Map.of("expiresInSeconds", 0)), Api.admin());
        assertSuccess(again, 200);
        assertError(api.get(PAYMENTS, renewed.headers()), 401, "UNAUTHORIZED");
        assertError(api.get(PAYMENTS, merchant.headers()), 401, "UNAUTHORIZED");
        Merchant newest = new Merchant(merchant.clientId(), merchant.businessId(), again.text("apiKey"));
        assertSuccess(api.get(PAYMENTS, newest.headers()), 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"expiresInSeconds\":-1}", "{\"expiresInSeconds\":604801}",
            "{\"expiresInSeconds\":\"60\"}", "{\"expiresInSeconds\":1.5}", "[]"})
    void a_bad_expiry_is_a_400_and_the_key_stays(String body) {
        Merchant merchant = autoBusiness();

        ApiResponse refused = api.post("/api/admin/businesses/" + merchant.businessId() + "/rotate-key", body,
                Api.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertSuccess(api.get(PAYMENTS, merchant.headers()), 200);
        assertThat(api.get("/api/admin/audit?subject=" + merchant.businessId(), Api.admin()).raw())
                .doesNotContain("business.key_rotated");
    }

    @Test
    void rotating_the_key_of_no_business_is_a_404() {
        assertError(api.post("/api/admin/businesses/HB_000000000000/rotate-key", null, Api.admin()), 404,
                "NOT_FOUND");
    }

    /** On H2 both instances share the one embedded database, as on MariaDB they share its server. */
    @Test
    void a_token_revoked_on_one_instance_fails_at_once_on_another() {
        try (RunningService other = RunningService.start(service.database())) {
            String token = operatorToken("Two-instance", "REVIEWER");
            assertSuccess(other.api().get(OPERATORS + "/me", bearer(token)), 200);

            assertSuccess(api.post(OPERATORS + "/" + operatorId(token) + "/revoke", null, Api.admin()), 200);

            assertError(other.api().get(OPERATORS + "/me", bearer(token)), 401, "UNAUTHORIZED");
        }
    }
}
