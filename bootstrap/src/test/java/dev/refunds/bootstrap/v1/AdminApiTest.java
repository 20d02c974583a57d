package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The operator's API: the refund review queue with its approvals and rejections, and disputes. The queue holds
 * every business's refunds, other tests' too, so each test looks only for the refunds it made.
 */
@OnH2AndMariaDb
class AdminApiTest extends ServiceContract {
    private static final String QUEUE = "/api/admin/refunds";

    // ---- the review queue ------------------------------------------------------------------------------------

    @Test
    void the_review_queue_lists_refunds_waiting_for_review_oldest_first() {
        Merchant manual = manualBusiness();
        Merchant auto = autoBusiness();
        String one = completedPayment(manual, "100.00");
        String two = completedPayment(manual, "100.00");
        String r1 = refundId(manual, one, "1.00");
        String r2 = refundId(manual, two, "2.00");
        String initiated = refundId(auto, completedPayment(auto, "100.00"), "3.00");
        String r3 = refundId(manual, one, "4.00");
        Set<String> mine = Set.of(r1, r2, r3, initiated);

        List<JsonNode> queue = wholeQueue(QUEUE + "?limit=100");

        assertThat(queue).allSatisfy(item -> assertThat(item.path("status").asText()).isEqualTo("PENDING_REVIEW"));
        assertThat(queue.stream().map(item -> item.path("refundId").asText()).filter(mine::contains))
                .containsExactly(r1, r2, r3);
        JsonNode second = queue.stream().filter(item -> item.path("refundId").asText().equals(r2)).findFirst()
                .orElseThrow();
        assertThat(second.path("paymentId").asText()).isEqualTo(two);
        assertThat(second.path("amount").asText()).isEqualTo("2.00");
        assertThat(second.path("reason").asText()).isEqualTo("customer asked");

        List<JsonNode> explicit = wholeQueue(QUEUE + "?status=PENDING_REVIEW&limit=100");
        assertThat(explicit.stream().map(item -> item.path("refundId").asText()).filter(mine::contains))
                .containsExactly(r1, r2, r3);

        List<String> afterFirst = wholeQueue(QUEUE + "?limit=100&startingAfter=" + r1).stream()
                .map(item -> item.path("refundId").asText()).toList();
        assertThat(afterFirst).doesNotContain(r1);
        assertThat(afterFirst.stream().filter(mine::contains)).containsExactly(r2, r3);
    }

    @Test
    void the_review_queue_answers_a_page_of_at_most_the_limit() {
        Merchant manual = manualBusiness();
        String paymentId = completedPayment(manual, "100.00");
        refundId(manual, paymentId, "1.00");
        refundId(manual, paymentId, "2.00");

        ApiResponse page = api.get(QUEUE + "?limit=1", Api.admin());

        assertSuccess(page, 200);
        assertThat(page.data().path("items").size()).isEqualTo(1);
        assertThat(page.data().path("hasMore").asBoolean()).isTrue();
        ApiResponse byDefault = api.get(QUEUE, Api.admin());
        assertSuccess(byDefault, 200);
        assertThat(byDefault.data().path("items").size()).isBetween(2, 20);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"limit=0", "limit=101", "limit=abc", "status=WAITING",
            "startingAfter=REF_20200101_ZZZZZZZZZZ"})
    void a_bad_review_queue_parameter_is_refused_naming_it(String query) {
        ApiResponse refused = api.get(QUEUE + "?" + query, Api.admin());

        assertError(refused, 400, "VALIDATION_ERROR", query.substring(0, query.indexOf('=')));
    }

    @Test
    void approving_a_refund_in_review_initiates_it_once() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "30.00");

        ApiResponse approved = approve(refundId);

        assertSuccess(approved, 200);
        assertThat(approved.text("refundId")).isEqualTo(refundId);
        assertThat(approved.text("status")).isEqualTo("INITIATED");
        assertThat(approved.text("amount")).isEqualTo("30.00");
        assertThat(refundOf(merchant, paymentId, refundId).path("status").asText()).isEqualTo("INITIATED");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("70.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        assertThat(queuedIds()).doesNotContain(refundId);
        Books afterApproval = books(merchant, paymentId);

        assertError(approve(refundId), 409, "INVALID_STATE");
        assertError(reject(refundId, "too late"), 409, "INVALID_STATE");
        assertThat(books(merchant, paymentId)).isEqualTo(afterApproval);
    }

    @Test
    void rejecting_a_refund_in_review_shows_the_reason_and_releases_its_amount() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "30.00");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("70.00");

        ApiResponse rejected = reject(refundId, "outside the return window");

        assertSuccess(rejected, 200);
        assertThat(rejected.text("refundId")).isEqualTo(refundId);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("rejectReason")).isEqualTo("outside the return window");
        JsonNode seen = refundOf(merchant, paymentId, refundId);
        assertThat(seen.path("status").asText()).isEqualTo("REJECTED");
        assertThat(seen.path("rejectReason").asText()).isEqualTo("outside the return window");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("100.00");
        assertThat(payment(merchant, paymentId).path("refundTotal").asText()).isEqualTo("0.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        assertThat(queuedIds()).doesNotContain(refundId);
        assertThat(wholeQueue(QUEUE + "?status=REJECTED&limit=100").stream()
                .map(item -> item.path("refundId").asText())).contains(refundId);
        Books afterRejection = books(merchant, paymentId);

        assertError(reject(refundId, "again"), 409, "INVALID_STATE");
        assertError(approve(refundId), 409, "INVALID_STATE");
        assertThat(books(merchant, paymentId)).isEqualTo(afterRejection);
    }

    @Test
    void a_refund_can_be_rejected_without_a_reason() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String withoutBody = refundId(merchant, paymentId, "10.00");
        String withEmptyObject = refundId(merchant, paymentId, "20.00");

        ApiResponse first = reject(withoutBody, null);
        ApiResponse second = api.post(QUEUE + "/" + withEmptyObject + "/reject", "{}", Api.admin());

        assertSuccess(first, 200);
        assertThat(first.text("status")).isEqualTo("REJECTED");
        assertSuccess(second, 200);
        assertThat(second.text("status")).isEqualTo("REJECTED");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("100.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void a_refund_that_is_not_in_review_is_neither_approved_nor_rejected() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String initiated = refundId(merchant, paymentId, "10.00");
        String cancelled = refundId(merchant, paymentId, "20.00");
        assertSuccess(api.post(refundsPath(paymentId) + "/" + cancelled + "/cancel", null, merchant.headers()), 200);
        Books before = books(merchant, paymentId);

        assertError(approve(initiated), 409, "INVALID_STATE");
        assertError(reject(initiated, "no"), 409, "INVALID_STATE");
        assertError(approve(cancelled), 409, "INVALID_STATE");
        assertError(reject(cancelled, "no"), 409, "INVALID_STATE");

        assertThat(books(merchant, paymentId)).isEqualTo(before);
    }

    @Test
    void approving_or_rejecting_an_unknown_refund_is_not_found() {
        assertError(approve("REF_20200101_ZZZZZZZZZZ"), 404, "NOT_FOUND");
        assertError(reject("REF_20200101_ZZZZZZZZZZ", "no"), 404, "NOT_FOUND");
    }

    @Test
    void a_rejection_reason_over_five_hundred_characters_is_refused_and_changes_nothing() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "10.00");

        assertError(reject(refundId, "n".repeat(501)), 400, "VALIDATION_ERROR", "reason");

        assertThat(refundOf(merchant, paymentId, refundId).path("status").asText()).isEqualTo("PENDING_REVIEW");
    }

    // ---- disputes ---------------------------------------------------------------------------------------------

    @Test
    void opening_a_dispute_answers_with_the_open_dispute_and_marks_the_payment_disputed() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");

        ApiResponse opened = openDispute(paymentId, "card holder does not recognise the charge");

        assertSuccess(opened, 201);
        assertThat(opened.text("disputeId")).isNotBlank();
        assertThat(opened.text("paymentId")).isEqualTo(paymentId);
        assertThat(opened.text("status")).isEqualTo("OPEN");
        assertThat(opened.text("reason")).isEqualTo("card holder does not recognise the charge");
        assertThat(Instant.parse(opened.text("openedAt"))).isBetween(Instant.now().minusSeconds(300),
                Instant.now().plusSeconds(300));
        assertThat(payment(merchant, paymentId).path("disputed").asBoolean()).isTrue();
    }

    @Test
    void a_dispute_closes_won_once_and_the_payment_is_no_longer_disputed() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String disputeId = openedDispute(paymentId);

        ApiResponse won = closeDispute(disputeId, "WON");

        assertSuccess(won, 200);
        assertThat(won.text("disputeId")).isEqualTo(disputeId);
        assertThat(won.text("paymentId")).isEqualTo(paymentId);
        assertThat(won.text("status")).isEqualTo("WON");
        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("disputed").asBoolean()).isFalse();
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("100.00");

        assertError(closeDispute(disputeId, "WON"), 409, "INVALID_STATE");
        assertError(closeDispute(disputeId, "LOST"), 409, "INVALID_STATE");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("100.00");
    }

    @Test
    void a_dispute_closes_lost_once_and_the_payment_has_nothing_left_to_refund() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String disputeId = openedDispute(paymentId);

        ApiResponse lost = closeDispute(disputeId, "LOST");

        assertSuccess(lost, 200);
        assertThat(lost.text("disputeId")).isEqualTo(disputeId);
        assertThat(lost.text("status")).isEqualTo("LOST");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("0.00");

        assertError(closeDispute(disputeId, "LOST"), 409, "INVALID_STATE");
        assertError(closeDispute(disputeId, "WON"), 409, "INVALID_STATE");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("0.00");
        assertError(requestRefund(merchant, paymentId, "1.00", "r"), 409, "PAYMENT_CHARGED_BACK");
    }

    Stream<Arguments> badOutcomes() {
        return Stream.of(arguments("MAYBE", Map.of("outcome", "MAYBE")), arguments("lower-case won",
                Map.of("outcome", "won")), arguments("OPEN", Map.of("outcome", "OPEN")),
                arguments("empty", Map.of("outcome", "")), arguments("missing", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOutcomes")
    void a_dispute_outcome_other_than_won_or_lost_is_refused_and_the_dispute_stays_open(String what,
                                                                                        Map<String, String> body) {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String disputeId = openedDispute(paymentId);

        ApiResponse refused = api.post("/api/admin/disputes/" + disputeId + "/close", Api.json(body), Api.admin());

        assertError(refused, 400, "VALIDATION_ERROR", "outcome");
        assertThat(payment(merchant, paymentId).path("disputed").asBoolean()).isTrue();
        assertSuccess(closeDispute(disputeId, "WON"), 200);
    }

    @Test
    void a_dispute_without_a_reason_is_refused_and_the_payment_is_not_disputed() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String path = "/api/admin/payments/" + paymentId + "/disputes";

        assertError(api.post(path, "{}", Api.admin()), 400, "VALIDATION_ERROR", "reason");
        assertError(api.post(path, Api.json(Map.of("reason", "")), Api.admin()), 400, "VALIDATION_ERROR", "reason");

        assertThat(payment(merchant, paymentId).path("disputed").asBoolean()).isFalse();
        assertSuccess(requestRefund(merchant, paymentId, "1.00", "still refundable"), 202);
    }

    @Test
    void a_dispute_on_an_unknown_payment_or_closing_an_unknown_dispute_is_not_found() {
        assertError(openDispute("PAY_20200101_ZZZZZZZZZZ", "who?"), 404, "NOT_FOUND");
        assertError(closeDispute("DSP_20200101_ZZZZZZZZZZ", "WON"), 404, "NOT_FOUND");
    }

    @Test
    void refunds_already_in_flight_go_on_while_a_dispute_is_open() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String toApprove = refundId(merchant, paymentId, "10.00");
        String toReject = refundId(merchant, paymentId, "20.00");
        openedDispute(paymentId);

        ApiResponse approved = approve(toApprove);
        ApiResponse rejected = reject(toReject, "disputed");

        assertSuccess(approved, 200);
        assertThat(approved.text("status")).isEqualTo("INITIATED");
        assertSuccess(rejected, 200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("90.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        assertError(requestRefund(merchant, paymentId, "1.00", "r"), 409, "REFUND_BLOCKED_BY_DISPUTE");
    }

    // ---- businesses -------------------------------------------------------------------------------------------

    @Test
    void a_new_business_gets_credentials_that_open_the_merchant_api() {
        ApiResponse created = api.post("/api/admin/businesses", Api.json(Map.of("name", "Corner shop",
                "reviewMode", "AUTO", "refundMode", "SINGLE", "reviewAbove", "250.00")), Api.admin());

        assertSuccess(created, 201);
        Merchant merchant = new Merchant(created.text("clientId"), created.text("businessId"),
                created.text("apiKey"));
        assertThat(merchant.clientId()).isNotBlank();
        assertThat(merchant.businessId()).isNotBlank();
        assertThat(merchant.apiKey()).isNotBlank();
        assertSuccess(api.get(PAYMENTS, merchant.headers()), 200);
    }

    Stream<Arguments> badBusinesses() {
        return Stream.of(
                arguments(Map.of("reviewMode", "AUTO", "refundMode", "MULTIPLE"), "name"),
                arguments(Map.of("name", "n", "refundMode", "MULTIPLE"), "reviewMode"),
                arguments(Map.of("name", "n", "reviewMode", "SOMETIMES", "refundMode", "MULTIPLE"), "reviewMode"),
                arguments(Map.of("name", "n", "reviewMode", "AUTO"), "refundMode"),
                arguments(Map.of("name", "n", "reviewMode", "AUTO", "refundMode", "TWICE"), "refundMode"),
                arguments(Map.of("name", "n", "reviewMode", "AUTO", "refundMode", "MULTIPLE", "reviewAbove", "1e3"),
                        "reviewAbove"),
                arguments(Map.of("name", "n", "reviewMode", "AUTO", "refundMode", "MULTIPLE", "reviewAbove", "-1.00"),
                        "reviewAbove"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badBusinesses")
    void an_invalid_business_is_refused_naming_the_field(Map<String, String> body, String field) {
        assertError(api.post("/api/admin/businesses", Api.json(body), Api.admin()), 400, "VALIDATION_ERROR", field);
    }

    private List<String> queuedIds() {
        return wholeQueue(QUEUE + "?limit=100").stream().map(item -> item.path("refundId").asText()).toList();
    }

    /** Every item of the admin list from the given first page on, following the cursor. */
    private List<JsonNode> wholeQueue(String firstPage) {
        List<JsonNode> items = new ArrayList<>();
        String page = firstPage;
        for (int pages = 0; pages < 10_000; pages++) {
            ApiResponse listed = api.get(page, Api.admin());
            assertSuccess(listed, 200);
            JsonNode pageItems = listed.data().path("items");
            pageItems.forEach(items::add);
            if (!listed.data().path("hasMore").asBoolean() || pageItems.isEmpty()) {
                return items;
            }
            String last = pageItems.get(pageItems.size() - 1).path("refundId").asText();
            page = firstPage.replaceAll("&startingAfter=[^&]*", "") + "&startingAfter=" + last;
        }
        throw new AssertionError("the review queue never ends");
    }
}
