package dev.refunds.bootstrap.v1;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.reconciliation.ReconcileUseCase;
import dev.refunds.application.reconciliation.ReconciliationRuns;
import dev.refunds.application.settlement.SettleRefundsUseCase;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.persistence.sandbox.SandboxLedgerHook;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static dev.refunds.bootstrap.v1.Reconciliations.about;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md "Reconciliation": the sandbox's test hook makes the processor disagree with the books in each way; the job
 * flags each once, applies only the safe kind, and leaves the rest to an operator. The settlement worker is driven
 * by hand here, so a refund can be held {@code PROCESSING} while the processor has settled it.
 */
@OnH2AndMariaDb
class ReconciliationTest extends ServiceContract {
    static final long GRACE_MS = 2_000;

    @Override
    Map<String, Object> settings() {
        return Map.of("refunds.settlement.enabled", "false", "refunds.sandbox.settle-delay", "0s",
                "refunds.reconciliation.enabled", "false", "refunds.reconciliation.settle-grace", GRACE_MS + "ms");
    }

    @Test
    void each_kind_the_processor_disagrees_in_is_flagged_once_left_open_and_logged_with_its_id() {
        Instant start = Instant.now();
        Merchant shop = autoBusiness();
        String missing = completedRefund(shop, "11.00");
        String otherAmount = completedRefund(shop, "12.00");
        String declinedButProcessing = processingRefund(shop, "10.13");
        String unknown = "REF_PHANTOM_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        SandboxLedgerHook hook = service.bean(SandboxLedgerHook.class);
        assertThat(hook.forget(new RefundId(missing))).isTrue();
        assertThat(hook.changeAmount(new RefundId(otherAmount), 1_150)).isTrue();
        hook.settleUnknownRefund(unknown, Money.of("BDT", 4_200), Instant.now());
        ListAppender<ILoggingEvent> warnings = Reconciliations.watchWarnings();

        List<Discrepancy> found;
        try {
            found = runAfterGrace();
        } finally {
            Reconciliations.stopWatching(warnings);
        }

        List<String> mine = List.of(missing, otherAmount, declinedButProcessing, unknown);
        assertThat(found.stream().filter(d -> mine.contains(d.refundId().value()))).hasSize(4);
        JsonNode gone = only(mine, missing);
        assertThat(gone.path("kind").asText()).isEqualTo("MISSING_AT_PROCESSOR");
        assertThat(gone.path("ours").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(gone.path("processors").isNull()).isTrue();
        JsonNode amount = only(mine, otherAmount);
        assertThat(amount.path("kind").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(amount.path("ours").path("amount").asText()).isEqualTo("12.00");
        assertThat(amount.path("processors").path("amount").asText()).isEqualTo("11.50");
        JsonNode status = only(mine, declinedButProcessing);
        assertThat(status.path("kind").asText()).isEqualTo("STATUS_MISMATCH");
        assertThat(status.path("ours").path("status").asText()).isEqualTo("PROCESSING");
        assertThat(status.path("processors").path("status").asText()).isEqualTo("FAILED");
        JsonNode phantom = only(mine, unknown);
        assertThat(phantom.path("kind").asText()).isEqualTo("UNKNOWN_TO_US");
        assertThat(phantom.path("ours").isNull()).isTrue();
        assertThat(phantom.path("processors").path("amount").asText()).isEqualTo("42.00");
        for (JsonNode discrepancy : about(api, mine)) {
            assertThat(discrepancy.path("status").asText()).isEqualTo("OPEN");
            String id = discrepancy.path("discrepancyId").asText();
            assertThat(warnings.list).as("a WARN line naming %s", id).anyMatch(event ->
                    event.getLevel() == Level.WARN && event.getFormattedMessage().contains(id));
        }

        Reconciliations.rewindCheckpoint(service, start);
        List<Discrepancy> rerun = reconcile().runOnce();

        assertThat(rerun.stream().filter(d -> mine.contains(d.refundId().value()))).isEmpty();
        assertThat(about(api, mine)).hasSize(4);
        assertThat(refundOf(shop, declinedButProcessing).path("status").asText()).isEqualTo("PROCESSING");
        hook.forget(new RefundId(unknown));   // the shared database's books checker must not meet it later
    }

    @Test
    void the_safe_kind_is_applied_through_the_settlement_path_and_recorded_resolved() {
        Merchant shop = autoBusiness();
        String paymentId = completedPayment(shop, "90.00");
        String refundId = refundId(shop, paymentId, "30.00");
        settleUntil(shop, paymentId, refundId, "PROCESSING", false);

        List<Discrepancy> found = runAfterGrace();

        assertThat(found).anyMatch(d -> d.refundId().value().equals(refundId));
        JsonNode synced = only(List.of(refundId), refundId);
        assertThat(synced.path("kind").asText()).isEqualTo("STATUS_MISMATCH");
        assertThat(synced.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(synced.path("resolvedAt").asText()).isNotBlank();
        assertThat(refundOf(shop, paymentId, refundId).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment(shop, paymentId).path("refundTotal").asText()).isEqualTo("30.00");
        assertBooksAgreeWithRefunds(shop, paymentId);
    }

    @Test
    void an_operator_resolves_an_open_discrepancy_with_a_note_once() {
        String unknown = "REF_PHANTOM_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        service.bean(SandboxLedgerHook.class).settleUnknownRefund(unknown, Money.of("USD", 99), Instant.now());
        runAfterGrace();
        String id = only(List.of(unknown), unknown).path("discrepancyId").asText();
        String resolve = Reconciliations.PATH + "/" + id + "/resolve";

        assertError(api.post(resolve, Api.json(Map.of()), Api.admin()), 400, "VALIDATION_ERROR", "note");
        assertError(api.post(resolve, Api.json(Map.of("note", "x".repeat(501))), Api.admin()), 400,
                "VALIDATION_ERROR", "note");
        assertError(api.post(Reconciliations.PATH + "/DSC_NOSUCH/resolve", Api.json(Map.of("note", "n")),
                Api.admin()), 404, "NOT_FOUND");
        assertError(api.post(resolve, Api.json(Map.of("note", "n")), autoBusiness().headers()), 401, "UNAUTHORIZED");
        assertThat(only(List.of(unknown), unknown).path("status").asText()).isEqualTo("OPEN");

        ApiResponse resolved = api.post(resolve, Api.json(Map.of("note", "test charge at the processor, voided")),
                Api.admin());

        assertSuccess(resolved, 200);
        assertThat(resolved.data().path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.data().path("note").asText()).isEqualTo("test charge at the processor, voided");
        assertError(api.post(resolve, Api.json(Map.of("note", "again")), Api.admin()), 409, "INVALID_STATE");
        JsonNode audit = api.get("/api/admin/audit?subject=" + id, Api.admin()).data().path("items");
        assertThat(audit).as("one audit record, for the resolution that changed something").hasSize(1);
        assertThat(audit.get(0).path("action").asText()).isEqualTo("discrepancy.resolved");
        assertThat(audit.get(0).path("operatorName").asText()).isEqualTo("root");
        assertThat(audit.get(0).path("reason").asText()).isEqualTo("test charge at the processor, voided");
        assertThat(Reconciliations.listed(api, "OPEN")).noneMatch(item -> item.path("discrepancyId").asText()
                .equals(id));
        assertThat(Reconciliations.listed(api, "RESOLVED")).anyMatch(item -> item.path("discrepancyId").asText()
                .equals(id));
        assertError(api.get(Reconciliations.PATH + "?status=CLOSED", Api.admin()), 400, "VALIDATION_ERROR",
                "status");
        service.bean(SandboxLedgerHook.class).forget(new RefundId(unknown));
    }

    @Test
    void only_one_instance_at_a_time_holds_the_job_and_an_expired_lease_frees_it() {
        ReconciliationRuns runs = service.bean(ReconciliationRuns.class);
        Instant now = Instant.now();
        Optional<Instant> held = runs.claim("instance-a", now, now.plusSeconds(30));
        assertThat(held).isPresent();
        String unknown = "REF_PHANTOM_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        service.bean(SandboxLedgerHook.class).settleUnknownRefund(unknown, Money.of("BDT", 500), Instant.now());
        pause(GRACE_MS + 200);

        assertThat(runs.claim("instance-b", Instant.now(), Instant.now().plusSeconds(30))).isEmpty();
        assertThat(reconcile().runOnce()).isEmpty();
        assertThat(about(api, List.of(unknown))).isEmpty();

        assertThat(runs.finish("instance-a", held.get())).isTrue();
        assertThat(reconcile().runOnce()).anyMatch(d -> d.refundId().value().equals(unknown));
        Instant later = Instant.now();
        Optional<Instant> shortLease = runs.claim("instance-c", later, later.plusMillis(1));
        assertThat(shortLease).isPresent();
        assertThat(runs.claim("instance-d", later.plusSeconds(1), later.plusSeconds(30))).isPresent();
        assertThat(runs.finish("instance-c", later)).as("a lease that ran out is lost").isFalse();
        assertThat(runs.finish("instance-d", shortLease.get())).isTrue();
        service.bean(SandboxLedgerHook.class).forget(new RefundId(unknown));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    ReconcileUseCase reconcile() {
        return service.bean(ReconcileUseCase.class);
    }

    List<Discrepancy> runAfterGrace() {
        pause(GRACE_MS + 200);
        return reconcile().runOnce();
    }

    JsonNode only(List<String> refundIds, String refundId) {
        List<JsonNode> matching = about(api, refundIds).stream()
                .filter(item -> item.path("refundId").asText().equals(refundId)).toList();
        assertThat(matching).as("discrepancies about %s", refundId).hasSize(1);
        return matching.get(0);
    }

    String completedRefund(Merchant merchant, String amount) {
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, amount);
        settleUntil(merchant, paymentId, refundId, "COMPLETED", true);
        return refundId;
    }

    String processingRefund(Merchant merchant, String amount) {
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, amount);
        settleUntil(merchant, paymentId, refundId, "PROCESSING", false);
        return refundId;
    }

    /** Runs the settlement worker's passes by hand (checks too, if {@code check}) until the refund is there. */
    void settleUntil(Merchant merchant, String paymentId, String refundId, String wanted, boolean check) {
        SettleRefundsUseCase settle = service.bean(SettleRefundsUseCase.class);
        Predicate<String> reached = status -> status.equals(wanted);
        for (int pass = 0; pass < 200; pass++) {
            if (reached.test(refundOf(merchant, paymentId, refundId).path("status").asText())) {
                return;
            }
            settle.sendDue();
            if (check) {
                settle.checkDue();
            }
            ReportsTest.pause(20);
        }
        throw new AssertionError("refund " + refundId + " never reached " + wanted);
    }

    JsonNode refundOf(Merchant merchant, String refundId) {
        ApiResponse read = api.get("/api/v1/refunds?limit=100", merchant.headers());
        assertSuccess(read, 200);
        for (JsonNode item : read.data().path("items")) {
            if (item.path("refundId").asText().equals(refundId)) {
                return item;
            }
        }
        throw new AssertionError("no refund " + refundId);
    }

    static void pause(long millis) {
        ReportsTest.pause(millis);
    }
}
