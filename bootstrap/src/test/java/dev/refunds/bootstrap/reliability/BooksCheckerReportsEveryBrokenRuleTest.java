package dev.refunds.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker every reliability test ends with must not pass vacuously: on books the service wrote itself (every
 * refund status, settled through the real worker and sandbox) it finds nothing, and each rule, broken on purpose
 * straight in the database, is reported. Runs on a fresh H2 database of its own, so breaking rows harms no one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BooksCheckerReportsEveryBrokenRuleTest {
    private RunningService service;
    private JdbcSettings database;
    private Api api;

    /** One business's books with a refund in every status. */
    private record Books(Merchant merchant, String payment, String fullyRefunded, String completed, String failed,
                         String rejected, String cancelled, String inReview, String reversed) {
    }

    /** A rule broken on purpose: SQL with {@code :name} placeholders for the books' ids, and what must be said. */
    private record Breakage(String rule, String expected, String... sql) {
    }

    private static final List<Breakage> BREAKAGES = List.of(
            new Breakage("refunded_minor is the sum of the completed refunds", "!= Σ COMPLETED refunds",
                    "UPDATE payments SET refunded_minor = refunded_minor + 1 WHERE payment_id = :payment"),
            new Breakage("reserved_minor is the sum of the refunds in flight", "!= Σ refunds in review or in flight",
                    "UPDATE payments SET reserved_minor = reserved_minor + 500 WHERE payment_id = :payment"),
            new Breakage("counting_refunds counts the refunds in flight or completed", "counting_refunds",
                    "UPDATE payments SET counting_refunds = counting_refunds + 1 WHERE payment_id = :payment"),
            new Breakage("REFUNDED only when wholly refunded", "is not the whole amount",
                    "UPDATE payments SET status = 'REFUNDED' WHERE payment_id = :payment"),
            new Breakage("wholly refunded means REFUNDED", "must be REFUNDED",
                    "UPDATE payments SET status = 'COMPLETED' WHERE payment_id = :fullyRefunded"),
            new Breakage("an unpaid payment has no refunds", "an unpaid or cancelled payment has refunds",
                    "UPDATE payments SET status = 'PENDING' WHERE payment_id = :payment"),
            new Breakage("refund rows never promise more than the payment", "more than the payment",
                    "UPDATE refunds SET amount_minor = 500000 WHERE refund_id = :inReview"),
            new Breakage("a status change without its event", "not a legal move",
                    "DELETE FROM outbox_events WHERE subject_id = :completed AND event_type = 'refund.processing'"),
            new Breakage("a status without its event", "but the refund is PROCESSING",
                    "UPDATE refunds SET status = 'PROCESSING' WHERE refund_id = :completed"),
            new Breakage("one refund.created", "2 refund.created events",
                    "INSERT INTO outbox_events (event_id, business_id, event_type, subject_id, payment_id, payload,"
                            + " occurred_at_ms) SELECT 'EVT_DUPLICATE_CREATED', business_id, event_type, subject_id,"
                            + " payment_id, payload, occurred_at_ms FROM outbox_events WHERE subject_id = :inReview"
                            + " AND event_type = 'refund.created'"),
            new Breakage("every refund has its events", "no outbox events at all",
                    "DELETE FROM outbox_events WHERE subject_id = :inReview"),
            new Breakage("an event's body carries the status it announces", "carries status FAILED, expected COMPLETED",
                    "UPDATE outbox_events SET payload = REPLACE(payload, '\"COMPLETED\"', '\"FAILED\"')"
                            + " WHERE subject_id = :completed AND event_type = 'payment.refunded'"),
            new Breakage("a completed refund was received by the processor", "COMPLETED but the processor never",
                    "DELETE FROM sandbox_processor_refunds WHERE refund_id = :completed"),
            new Breakage("a completed refund succeeded at the processor", "outcome is FAILED",
                    "UPDATE sandbox_processor_refunds SET outcome = 'FAILED' WHERE refund_id = :completed"),
            new Breakage("a failed refund did not succeed at the processor", "FAILED but the processor refunded it",
                    "UPDATE sandbox_processor_refunds SET outcome = 'SUCCEEDED' WHERE refund_id = :failed"),
            new Breakage("a reversed refund was reversed at the processor", "REVERSED but the processor says",
                    "UPDATE sandbox_processor_refunds SET outcome = 'SUCCEEDED' WHERE refund_id = :reversed"),
            new Breakage("a reversal has its event", "but the refund is REVERSED",
                    "DELETE FROM outbox_events WHERE subject_id = :reversed AND event_type = 'payment.refund_reversed'"),
            new Breakage("a reversed refund no longer counts in the refund total", "!= Σ COMPLETED refunds",
                    "UPDATE refunds SET status = 'COMPLETED' WHERE refund_id = :reversed"),
            new Breakage("the processor holds the refund's amount", "the processor holds",
                    "UPDATE sandbox_processor_refunds SET amount_minor = amount_minor + 1 WHERE refund_id = :completed"),
            new Breakage("a cancelled refund never reached the processor", "yet it was never approved",
                    "INSERT INTO sandbox_processor_refunds (refund_id, amount_minor, currency, received_at_ms,"
                            + " settle_at_ms, outcome, failure_reason, submit_calls) SELECT refund_id, amount_minor,"
                            + " currency, 1, 1, 'SUCCEEDED', NULL, 1 FROM refunds WHERE refund_id = :cancelled"),
            new Breakage("a rejected refund never reached the processor", "yet it was never approved",
                    "INSERT INTO sandbox_processor_refunds (refund_id, amount_minor, currency, received_at_ms,"
                            + " settle_at_ms, outcome, failure_reason, submit_calls) SELECT refund_id, amount_minor,"
                            + " currency, 1, 1, 'SUCCEEDED', NULL, 1 FROM refunds WHERE refund_id = :rejected"),
            new Breakage("everything the processor received is a refund", "which does not exist in refunds",
                    "INSERT INTO sandbox_processor_refunds (refund_id, amount_minor, currency, received_at_ms,"
                            + " settle_at_ms, outcome, failure_reason, submit_calls) VALUES (CONCAT('REF_GHOST_', :payment),"
                            + " 100, 'BDT', 1, 1, 'SUCCEEDED', NULL, 1)"));

    @BeforeAll
    void start() {
        database = Backend.H2.newDatabase();
        service = RunningService.start(database, Map.of("refunds.settlement.enabled", true,
                "refunds.settlement.poll-every", "50ms", "refunds.settlement.check-every", "50ms",
                "refunds.sandbox.settle-delay", "0s", "refunds.webhooks.enabled", false));
        api = service.api();
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void the_checker_finds_nothing_on_sound_books_and_reports_each_rule_broken_on_purpose() throws SQLException {
        long started = System.currentTimeMillis();
        List<Books> books = new ArrayList<>();
        for (int i = 0; i <= BREAKAGES.size(); i++) {
            books.add(books());
        }
        awaitSettled(books);
        BooksChecker.Report sound = BooksChecker.of(database).assertClean("sound books, whole database");
        assertThat(sound.refunds()).as("refunds checked").isEqualTo(books.size() * 7);

        List<String> missed = new ArrayList<>();
        for (int i = 0; i < BREAKAGES.size(); i++) {
            Breakage breakage = BREAKAGES.get(i);
            Books target = books.get(i + 1);
            int changed = execute(breakage, target);
            List<String> found = BooksChecker.of(database, List.of(target.merchant().businessId()), 0).violations();
            boolean said = changed > 0 && found.stream().anyMatch(v -> v.contains(breakage.expected()));
            System.out.println("  BROKEN " + breakage.rule() + " (" + changed + " rows) → "
                    + (said ? "reported" : "MISSED") + ": " + found);
            if (!said) {
                missed.add(breakage.rule() + " (" + changed + " rows changed): found " + found);
            }
        }
        // (the orphan processor row planted above was "received" at 1970: older than this test, so not counted)
        List<String> untouched = BooksChecker.of(database, List.of(books.get(0).merchant().businessId()), started)
                .violations();
        Reliability.figures(getClass().getSimpleName(), sound.summary() + " on sound books; "
                + (BREAKAGES.size() - missed.size()) + "/" + BREAKAGES.size() + " broken rules reported");
        assertThat(missed).as("broken rules the checker did not report").isEmpty();
        assertThat(untouched).as("the one business nobody broke").isEmpty();
    }

    /** A review-everything business: a payment with refunds completed, failed, rejected, cancelled, in review. */
    private Books books() {
        Merchant merchant = api.createBusiness("MANUAL", "MULTIPLE", null);
        String payment = api.payment(merchant, "1000.00", "BDT", "LINK", true).path("paymentId").asText();
        String small = api.payment(merchant, "10.00", "BDT", "LINK", true).path("paymentId").asText();
        String full = refund(merchant, small, null);
        String completed = refund(merchant, payment, "100.00");
        String failed = refund(merchant, payment, "50.13");
        String rejected = refund(merchant, payment, "20.00");
        String cancelled = refund(merchant, payment, "30.00");
        String inReview = refund(merchant, payment, "40.00");
        String reversed = refund(merchant, payment, "60.31");
        for (String approve : List.of(full, completed, failed, reversed)) {
            assertThat(api.post("/api/admin/refunds/" + approve + "/approve", null, Api.admin()).status())
                    .isEqualTo(200);
        }
        assertThat(api.post("/api/admin/refunds/" + rejected + "/reject", "{\"reason\":\"no\"}", Api.admin())
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/payments/" + payment + "/refunds/" + cancelled + "/cancel", null,
                merchant.headers()).status()).isEqualTo(200);
        return new Books(merchant, payment, small, completed, failed, rejected, cancelled, inReview, reversed);
    }

    private String refund(Merchant merchant, String paymentId, String amount) {
        String body = amount == null ? "{\"reason\":\"checker\"}" : Api.json(Map.of("amount", amount, "reason",
                "checker"));
        ApiResponse answer = api.post("/api/v1/payments/" + paymentId + "/refunds", body, merchant.headers());
        assertThat(answer.status()).as("refund: %s", answer).isEqualTo(202);
        return answer.text("refundId");
    }

    private void awaitSettled(List<Books> all) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean settled = all.stream().allMatch(b -> Set.of("COMPLETED").contains(status(b, b.completed()))
                    && "FAILED".equals(status(b, b.failed())) && "REVERSED".equals(status(b, b.reversed()))
                    && "REFUNDED".equals(paymentStatus(b)));
            if (settled) {
                return;
            }
            Reliability.pause(100);
        }
        throw new IllegalStateException("the fixtures did not settle");
    }

    private String status(Books books, String refundId) {
        ApiResponse answer = api.get("/api/v1/payments/" + books.payment() + "/refunds/" + refundId,
                books.merchant().headers());
        return answer.text("status");
    }

    private String paymentStatus(Books books) {
        JsonNode data = api.get("/api/v1/payments/" + books.fullyRefunded(), books.merchant().headers()).data();
        return data.path("status").asText();
    }

    private int execute(Breakage breakage, Books books) throws SQLException {
        int changed = 0;
        try (Connection connection = database.connect()) {
            for (String sql : breakage.sql()) {
                String bound = sql.replace(":payment", "'" + books.payment() + "'")
                        .replace(":fullyRefunded", "'" + books.fullyRefunded() + "'")
                        .replace(":completed", "'" + books.completed() + "'")
                        .replace(":failed", "'" + books.failed() + "'")
                        .replace(":rejected", "'" + books.rejected() + "'")
                        .replace(":cancelled", "'" + books.cancelled() + "'")
                        .replace(":inReview", "'" + books.inReview() + "'")
                        .replace(":reversed", "'" + books.reversed() + "'");
                try (PreparedStatement statement = connection.prepareStatement(bound)) {
                    changed += statement.executeUpdate();
                }
            }
        }
        return changed;
    }
}
