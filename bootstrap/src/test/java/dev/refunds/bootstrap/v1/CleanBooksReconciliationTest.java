package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.domain.money.Money;
import dev.refunds.persistence.sandbox.SandboxLedgerHook;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement worker and the reconciliation job both running, as in production, while merchants ask for
 * refunds: books the processor agrees with yield no discrepancy at all, and {@code /metrics} counts what is open.
 */
@OnH2AndMariaDb
class CleanBooksReconciliationTest extends ServiceContract {
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED");
    private static final Pattern OPEN_GAUGE = Pattern.compile(
            "refunds_reconciliation_discrepancies_open\\{kind=\"([A-Z_]+)\",?} ([0-9.]+)");

    @Override
    Map<String, Object> settings() {
        return Map.of("refunds.settlement.enabled", "true", "refunds.settlement.poll-every", "50ms",
                "refunds.sandbox.settle-delay", "200ms", "refunds.reconciliation.enabled", "true",
                "refunds.reconciliation.run-every", "250ms", "refunds.reconciliation.settle-grace", "3s");
    }

    @Test
    void a_load_of_normal_refunds_settled_while_the_job_runs_yields_no_discrepancy() throws Exception {
        int merchants = 4;
        List<String> refundIds = Collections.synchronizedList(new ArrayList<>());
        List<Merchant> shops = new ArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(merchants);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < merchants; m++) {
                Merchant shop = autoBusiness();
                shops.add(shop);
                done.add(load.submit(() -> refundsOf(shop, refundIds)));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            load.shutdownNow();
        }
        awaitFinal(shops, refundIds.size());
        ReconciliationTest.pause(3_500);   // past the grace: the job has compared the whole load by now

        service.bean(dev.refunds.application.reconciliation.ReconcileUseCase.class).runOnce();

        assertThat(refundIds).hasSize(merchants * 12);
        assertThat(Reconciliations.about(api, refundIds)).as("discrepancies about clean refunds").isEmpty();
    }

    @Test
    void metrics_count_the_open_discrepancies_of_each_kind() {
        String unknown = "REF_PHANTOM_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        service.bean(SandboxLedgerHook.class).settleUnknownRefund(unknown, Money.of("BDT", 700), Instant.now());
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, Long> listed = Map.of();
        Map<String, Long> gauges = Map.of();
        while (Instant.now().isBefore(deadline)) {
            if (!Reconciliations.about(api, List.of(unknown)).isEmpty()) {
                listed = openByKind();
                gauges = gauges();
                if (listed.equals(gauges)) {
                    break;
                }
            }
            ReconciliationTest.pause(500);
        }
        service.bean(SandboxLedgerHook.class).forget(new dev.refunds.domain.payment.RefundId(unknown));
        assertThat(listed.get("UNKNOWN_TO_US")).isGreaterThanOrEqualTo(1L);
        assertThat(gauges).isEqualTo(listed);
    }

    /** Twelve refunds over three payments, one of each three declined by the sandbox (minor units end in 13). */
    private void refundsOf(Merchant shop, List<String> refundIds) {
        for (int p = 0; p < 3; p++) {
            String paymentId = completedPayment(shop, "100.00");
            for (String amount : List.of("10.00", "5.13", "7.25", "1.00")) {
                refundIds.add(refundId(shop, paymentId, amount));
            }
        }
    }

    private void awaitFinal(List<Merchant> shops, int count) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            long settled = shops.stream().flatMap(shop -> statuses(shop).stream()).filter(FINAL::contains).count();
            if (settled == count) {
                return;
            }
            ReconciliationTest.pause(200);
        }
        throw new AssertionError("the load did not settle in 60 s");
    }

    private List<String> statuses(Merchant shop) {
        ApiResponse listed = api.get("/api/v1/refunds?limit=100", shop.headers());
        assertSuccess(listed, 200);
        List<String> statuses = new ArrayList<>();
        listed.data().path("items").forEach(item -> statuses.add(item.path("status").asText()));
        return statuses;
    }

    private Map<String, Long> openByKind() {
        Map<String, Long> counts = new TreeMap<>();
        for (String kind : List.of("MISSING_AT_PROCESSOR", "UNKNOWN_TO_US", "STATUS_MISMATCH", "AMOUNT_MISMATCH")) {
            counts.put(kind, 0L);
        }
        for (JsonNode open : Reconciliations.listed(api, "OPEN")) {
            counts.merge(open.path("kind").asText(), 1L, Long::sum);
        }
        return counts;
    }

    private Map<String, Long> gauges() {
        ApiResponse scraped = api.get("/metrics", Api.admin());
        assertThat(scraped.status()).isEqualTo(200);
        Map<String, Long> counts = new TreeMap<>();
        Matcher gauge = OPEN_GAUGE.matcher(scraped.raw());
        while (gauge.find()) {
            counts.put(gauge.group(1), (long) Double.parseDouble(gauge.group(2)));
        }
        return counts;
    }
}
