package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.application.admin.AdminActionsUseCase;
import dev.refunds.application.audit.AuditedWrites;
import dev.refunds.application.business.RotateApiKeyService;
import dev.refunds.application.operator.Actor;
import dev.refunds.application.operator.Operator;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.RefundId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static dev.refunds.bootstrap.v1.OperatorsTest.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every admin write leaves exactly one audit record in its own transaction; a rolled-back one leaves none. */
@OnH2AndMariaDb
class AuditTrailTest extends ServiceContract {
    private static final String AUDIT = "/api/admin/audit";

    String reviewerToken(String name) {
        ApiResponse created = api.post(OperatorsTest.OPERATORS,
                Api.json(Map.of("name", name, "role", "REVIEWER")), Api.admin());
        assertSuccess(created, 201);
        return created.text("token");
    }

    List<JsonNode> auditOf(String subject) {
        ApiResponse listed = api.get(AUDIT + "?limit=100&subject=" + subject, Api.admin());
        assertSuccess(listed, 200);
        List<JsonNode> records = new ArrayList<>();
        listed.data().path("items").forEach(records::add);
        return records;
    }

    @Test
    void approvals_and_rejections_name_their_operator_in_the_trail_and_on_the_refund() {
        String reviewer = reviewerToken("Nadia");
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String approved = refundId(merchant, paymentId, "10.00");
        String rejected = refundId(merchant, paymentId, "20.00");

        ApiResponse approval = api.post("/api/admin/refunds/" + approved + "/approve", null,
                Api.with(bearer(reviewer), "X-Request-Id", "req-approve-1"));
        api.post("/api/admin/refunds/" + rejected + "/reject", Api.json(Map.of("reason", "no proof of return")),
                bearer(reviewer));

        assertSuccess(approval, 200);
        assertThat(approval.text("reviewedBy")).isEqualTo("Nadia");
        JsonNode approvalRecord = auditOf(approved).get(0);
        assertThat(approvalRecord.path("operatorName").asText()).isEqualTo("Nadia");
        assertThat(approvalRecord.path("action").asText()).isEqualTo("refund.approved");
        assertThat(approvalRecord.path("requestId").asText()).isEqualTo("req-approve-1");
        JsonNode rejection = auditOf(rejected).get(0);
        assertThat(rejection.path("action").asText()).isEqualTo("refund.rejected");
        assertThat(rejection.path("reason").asText()).isEqualTo("no proof of return");
        JsonNode detail = api.get("/api/admin/payments/" + paymentId, Api.admin()).data();
        assertThat(detail.path("refunds").findValuesAsText("reviewedBy")).containsExactly("Nadia", "Nadia");
        assertThat(detail.path("businessId").asText()).isEqualTo(merchant.businessId());
        assertThat(detail.path("events").findValuesAsText("type"))
                .contains("refund.created", "refund.approved", "refund.rejected");
        ApiResponse byOperator = api.get(AUDIT + "?operatorId=" + approvalRecord.path("operatorId").asText(),
                Api.admin());
        assertThat(ids(byOperator, "subject")).containsExactly(rejected, approved);
    }

    @Test
    void every_kind_of_admin_write_is_recorded_once() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String disputeId = openedDispute(paymentId);
        assertSuccess(closeDispute(disputeId, "WON"), 200);
        assertSuccess(api.post("/api/admin/businesses/" + merchant.businessId() + "/rotate-key", null, Api.admin()),
                200);
        String operatorId = api.post(OperatorsTest.OPERATORS, Api.json(Map.of("name", "Temp", "role", "VIEWER")),
                Api.admin()).text("operatorId");
        assertSuccess(api.post(OperatorsTest.OPERATORS + "/" + operatorId + "/revoke", null, Api.admin()), 200);

        assertThat(auditOf(merchant.businessId()).stream().map(record -> record.path("action").asText()))
                .containsExactly("business.key_rotated", "business.created");
        assertThat(auditOf(disputeId).stream().map(record -> record.path("action").asText()))
                .containsExactly("dispute.closed", "dispute.opened");
        assertThat(auditOf(operatorId).stream().map(record -> record.path("action").asText()))
                .containsExactly("operator.revoked", "operator.created");
        assertThat(auditOf(disputeId)).allSatisfy(record -> assertThat(record.path("operatorName").asText())
                .isEqualTo("root"));
    }

    @Test
    void a_refused_approval_leaves_no_record() {
        Merchant merchant = autoBusiness();
        String refundId = refundId(merchant, completedPayment(merchant, "100.00"), "10.00");

        assertThat(approve(refundId).status()).isEqualTo(409);

        assertThat(auditOf(refundId)).isEmpty();
    }

    @Test
    void a_change_whose_record_cannot_be_written_is_rolled_back_with_it() {
        Merchant merchant = autoBusiness();
        Actor actor = new Actor(Operator.ROOT, "req-rollback");
        String tooLong = "x".repeat(501);

        assertThatThrownBy(() -> service.bean(AuditedWrites.class).write(actor, "business.key_rotated",
                key -> Optional.of(merchant.businessId()), key -> Optional.of(tooLong),
                () -> service.bean(RotateApiKeyService.class).rotate(new BusinessId(merchant.businessId()),
                        Duration.ZERO)))
                .isInstanceOf(RuntimeException.class);

        assertSuccess(api.get(PAYMENTS, merchant.headers()), 200);   // the old key was never replaced
        assertThat(auditOf(merchant.businessId()).stream().map(record -> record.path("action").asText()))
                .containsExactly("business.created");
    }

    @Test
    void of_eight_concurrent_approvals_one_commits_with_exactly_one_record() throws Exception {
        Merchant merchant = manualBusiness();
        String refundId = refundId(merchant, completedPayment(merchant, "100.00"), "10.00");
        AdminActionsUseCase actions = service.bean(AdminActionsUseCase.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Decision<?>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Actor actor = new Actor(Operator.ROOT, "race-" + i);
                results.add(pool.submit(() -> actions.approve(actor, new RefundId(refundId))));
            }
            int accepted = 0;
            for (Future<Decision<?>> result : results) {
                accepted += result.get() instanceof Decision.Accepted<?> ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(auditOf(refundId)).hasSize(1);
    }

    @Test
    void the_trail_has_no_route_that_changes_it() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            ApiResponse answer = api.send(method, AUDIT, "{}", "application/json", Api.admin());
            assertThat(answer.status()).as(method).isIn(404, 405);
        }
    }
}
