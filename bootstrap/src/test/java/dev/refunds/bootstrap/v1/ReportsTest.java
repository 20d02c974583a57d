package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.reliability.BooksChecker;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Reports": the refund exports (merchant and admin) and the balances, which must agree with them. */
@OnH2AndMariaDb
class ReportsTest extends ServiceContract {
    static final String MERCHANT_CSV = "/api/v1/reports/refunds.csv";
    static final String ADMIN_CSV = "/api/admin/reports/refunds.csv";
    static final String BALANCES = "/api/admin/reports/balances";
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED");

    @Override
    Map<String, Object> settings() {
        return Map.of("refunds.settlement.enabled", "true", "refunds.sandbox.settle-delay", "0s",
                "refunds.settlement.poll-every", "100ms", "refunds.reconciliation.enabled", "false");
    }

    @Test
    void the_merchant_export_has_the_header_row_and_its_own_refunds_in_creation_order_with_reasons_intact() {
        Instant from = Instant.now().minusSeconds(1);
        Merchant shop = autoBusiness();
        Merchant other = autoBusiness();
        String paymentId = completedPayment(shop, "500.00");
        List<String> reasons = List.of("one, two", "he said \"broken\"", "line one\nline two\r\nline three",
                "টাকা ফেরত ৳");
        List<String> refundIds = new ArrayList<>();
        for (String reason : reasons) {
            ApiResponse requested = requestRefund(shop, paymentId, "10.00", reason);
            assertSuccess(requested, 202);
            refundIds.add(requested.data().path("refundId").asText());
        }
        refundId(other, completedPayment(other, "50.00"), "5.00");

        Csv csv = Csv.of(api.get(MERCHANT_CSV + window(from, Instant.now().plusSeconds(1)), shop.headers()));

        assertThat(csv.header()).isEqualTo(Csv.HEADER);
        assertThat(csv.column("refund_id")).isEqualTo(refundIds);
        assertThat(csv.column("reason")).isEqualTo(reasons);
        assertThat(csv.column("amount")).containsOnly("10.00");
        assertThat(csv.column("business_id")).containsOnly(shop.businessId());
        assertThat(csv.column("payment_id")).containsOnly(paymentId);
        assertThat(csv.column("pay_id")).containsOnly(payment(shop, paymentId).path("payId").asText());
        assertThat(csv.column("currency")).containsOnly("BDT");
    }

    @Test
    void the_window_includes_its_start_and_excludes_its_end() {
        Merchant shop = autoBusiness();
        String paymentId = completedPayment(shop, "500.00");
        List<String> refundIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refundIds.add(refundId(shop, paymentId, "1.00"));
            pause(5);
        }
        Csv all = Csv.of(api.get(MERCHANT_CSV + window(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1)),
                shop.headers()));
        Instant second = Instant.parse(all.rows().get(1).get("created_at"));
        Instant third = Instant.parse(all.rows().get(2).get("created_at"));

        Csv middle = Csv.of(api.get(MERCHANT_CSV + window(second, third), shop.headers()));

        assertThat(middle.column("refund_id")).containsExactly(refundIds.get(1));
        assertThat(Csv.of(api.get(MERCHANT_CSV + window(third, third), shop.headers())).rows()).isEmpty();
    }

    @Test
    void the_admin_export_covers_every_business_or_the_one_asked_for() {
        Instant from = Instant.now().minusSeconds(1);
        Merchant first = autoBusiness();
        Merchant second = manualBusiness();
        String a = refundId(first, completedPayment(first, "80.00"), "8.00");
        String b = refundId(second, completedPayment(second, "90.00", "USD"), "9.00");
        String period = window(from, Instant.now().plusSeconds(1));

        Csv everyone = Csv.of(api.get(ADMIN_CSV + period, Api.admin()));
        Csv one = Csv.of(api.get(ADMIN_CSV + period + "&businessId=" + second.businessId(), Api.admin()));

        assertThat(everyone.column("refund_id")).contains(a, b);
        assertThat(one.column("refund_id")).containsExactly(b);
        CSVRecord row = one.rows().get(0);
        assertThat(row.get("amount")).isEqualTo("9.00");
        assertThat(row.get("currency")).isEqualTo("USD");
        assertThat(row.get("status")).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void bad_windows_and_unknown_businesses_are_a_400_in_the_json_envelope_on_every_report() {
        Merchant shop = autoBusiness();
        Instant now = Instant.now();
        String[] admin = Api.admin();
        for (String path : List.of(ADMIN_CSV, BALANCES)) {
            assertJsonError(api.get(path + window(now, now.minusSeconds(1)), admin), "from");
            assertJsonError(api.get(path + window(now.minus(Duration.ofDays(367)), now), admin), "to");
            assertJsonError(api.get(path + "?from=yesterday&to=" + now, admin), "from");
            assertJsonError(api.get(path + "?from=" + now, admin), "to");
            assertJsonError(api.get(path + window(now.minusSeconds(60), now) + "&businessId=HB_NOSUCHBUSINESS",
                    admin), "businessId");
        }
        assertJsonError(api.get(MERCHANT_CSV + window(now, now.minusSeconds(1)), shop.headers()), "from");
        assertJsonError(api.get(MERCHANT_CSV + "?from=2026-13-01T00:00:00Z&to=" + now, shop.headers()), "from");
        assertJsonError(api.get(MERCHANT_CSV + "?from=%2B1000000000-01-01T00:00:00Z&to=%2B1000000000-01-02T00:00:00Z",
                shop.headers()), "from");
        assertJsonError(api.get(MERCHANT_CSV + window(now, now.minusSeconds(1)),
                Api.with(shop.headers(), "Accept", "text/csv")), "from");
        assertThat(api.get(MERCHANT_CSV + window(now.minus(Duration.ofDays(366)), now), shop.headers()).status())
                .isEqualTo(200);
        assertError(api.get(MERCHANT_CSV + window(now.minusSeconds(60), now)), 401, "UNAUTHORIZED");
        assertError(api.get(ADMIN_CSV + window(now.minusSeconds(60), now), shop.headers()), 401, "UNAUTHORIZED");
    }

    @Test
    void balances_equal_the_sums_of_the_export_of_the_same_window_and_the_books_of_the_payments() {
        Instant from = Instant.now().minusSeconds(1);
        Merchant auto = autoBusiness();
        Merchant manual = manualBusiness();
        List<String> paidAuto = List.of(completedPayment(auto, "100.00"), completedPayment(auto, "60.00"));
        refundId(auto, paidAuto.get(0), "40.00");
        refundId(auto, paidAuto.get(0), "10.13");                  // the sandbox declines it
        refundId(auto, paidAuto.get(1), null);                     // full refund
        refundId(auto, completedPayment(auto, "7.00", "USD"), "2.50");
        String paidManual = completedPayment(manual, "300.00");
        refundId(manual, paidManual, "30.00");                     // stays in review
        reject(refundId(manual, paidManual, "20.00"), "not ours");
        awaitSettled(auto);
        String period = window(from, Instant.now().plusSeconds(1));

        Map<String, JsonNode> balances = new HashMap<>();
        for (Merchant merchant : List.of(auto, manual)) {
            ApiResponse answer = api.get(BALANCES + period + "&businessId=" + merchant.businessId(), Api.admin());
            assertSuccess(answer, 200);
            answer.data().path("items").forEach(item -> balances.put(
                    item.path("businessId").asText() + " " + item.path("currency").asText(), item));
            Csv csv = Csv.of(api.get(ADMIN_CSV + period + "&businessId=" + merchant.businessId(), Api.admin()));
            assertThat(balances.keySet().stream().filter(key -> key.startsWith(merchant.businessId())))
                    .containsExactlyInAnyOrderElementsOf(sumsOf(csv).keySet());
            sumsOf(csv).forEach((key, sums) -> assertThat(fieldsOf(balances.get(key))).as(key).isEqualTo(sums));
        }
        assertThat(balances.get(auto.businessId() + " BDT").path("completed").asText()).isEqualTo(
                new BigDecimal(payment(auto, paidAuto.get(0)).path("refundTotal").asText())
                        .add(new BigDecimal(payment(auto, paidAuto.get(1)).path("refundTotal").asText()))
                        .toPlainString());
        assertThat(fieldsOf(balances.get(auto.businessId() + " BDT"))).isEqualTo(Map.of("requested", "110.13",
                "completed", "100.00", "failed", "10.13", "reversed", "0.00", "inFlight", "0.00"));
        assertThat(fieldsOf(balances.get(manual.businessId() + " BDT"))).isEqualTo(Map.of("requested", "50.00",
                "completed", "0.00", "failed", "0.00", "reversed", "0.00", "inFlight", "30.00"));
        BooksChecker.of(service.database(), List.of(auto.businessId(), manual.businessId()), from.toEpochMilli())
                .assertClean("the books behind the balances");
    }

    @Test
    void settled_rows_carry_the_processor_references_the_failure_code_and_the_completion_time() {
        Instant from = Instant.now().minusSeconds(1);
        Merchant shop = autoBusiness();
        String paymentId = completedPayment(shop, "100.00");
        String completed = refundId(shop, paymentId, "20.00");
        String declined = refundId(shop, paymentId, "10.13");
        awaitSettled(shop);

        Csv csv = Csv.of(api.get(MERCHANT_CSV + window(from, Instant.now().plusSeconds(1)), shop.headers()));

        CSVRecord paid = csv.rows().get(csv.column("refund_id").indexOf(completed));
        assertThat(paid.get("status")).isEqualTo("COMPLETED");
        assertThat(paid.get("processor_reference")).isEqualTo(refundOf(shop, paymentId, completed)
                .path("processorReference").asText()).isNotBlank();
        assertThat(paid.get("acquirer_reference")).matches("[0-9]{23}");
        assertThat(Instant.parse(paid.get("completed_at"))).isAfterOrEqualTo(Instant.parse(paid.get("created_at")));
        assertThat(paid.get("failure_code")).isEmpty();
        assertThat(paid.get("reversed_at")).isEmpty();
        CSVRecord failed = csv.rows().get(csv.column("refund_id").indexOf(declined));
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("failure_code")).isEqualTo("declined");
        assertThat(failed.get("completed_at")).isEmpty();
    }

    /** Per "business currency": the five totals computed from the CSV rows, at the currency's scale. */
    private static Map<String, Map<String, String>> sumsOf(Csv csv) {
        Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
        for (CSVRecord row : csv.rows()) {
            BigDecimal amount = new BigDecimal(row.get("amount"));
            Map<String, BigDecimal> sum = sums.computeIfAbsent(row.get("business_id") + " " + row.get("currency"),
                    key -> new HashMap<>(Map.of("requested", amount.multiply(BigDecimal.ZERO), "completed",
                            amount.multiply(BigDecimal.ZERO), "failed", amount.multiply(BigDecimal.ZERO), "reversed",
                            amount.multiply(BigDecimal.ZERO), "inFlight", amount.multiply(BigDecimal.ZERO))));
            sum.merge("requested", amount, BigDecimal::add);
            String bucket = switch (row.get("status")) {
                case "COMPLETED" -> "completed";
                case "FAILED" -> "failed";
                case "REVERSED" -> "reversed";
                case "PENDING_REVIEW", "INITIATED", "PROCESSING" -> "inFlight";
                default -> null;
            };
            if (bucket != null) {
                sum.merge(bucket, amount, BigDecimal::add);
            }
        }
        Map<String, Map<String, String>> texts = new HashMap<>();
        sums.forEach((key, sum) -> {
            Map<String, String> text = new HashMap<>();
            sum.forEach((field, value) -> text.put(field, value.toPlainString()));
            texts.put(key, text);
        });
        return texts;
    }

    private static Map<String, String> fieldsOf(JsonNode balance) {
        assertThat(balance).as("a balance").isNotNull();
        Map<String, String> fields = new HashMap<>();
        for (String field : List.of("requested", "completed", "failed", "reversed", "inFlight")) {
            fields.put(field, balance.path(field).asText());
        }
        return fields;
    }

    private void awaitSettled(Merchant merchant) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<String> open = allIds(BUSINESS_REFUNDS + "?limit=100", "status", merchant.headers()).stream()
                    .filter(status -> !FINAL.contains(status)).toList();
            if (open.isEmpty()) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("refunds of " + merchant.businessId() + " did not settle in 20 s");
    }

    private static final String BUSINESS_REFUNDS = "/api/v1/refunds";

    private static void assertJsonError(ApiResponse response, String field) {
        assertError(response, 400, "VALIDATION_ERROR", field);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    static String window(Instant from, Instant to) {
        return "?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
