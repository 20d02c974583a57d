package dev.refunds.bootstrap.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in headless Chromium: an operator signs in, approves and rejects refunds through the page,
 * and the API shows the changes and who made them. Screenshots land in bootstrap/target/console/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "console");
    private static final String XSS = "<img src=x onerror=alert(1)>";

    private RunningService service;
    private Api api;
    private Chromium browser;
    private Merchant merchant;
    private String paymentId;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Backend.H2.newDatabase());
        api = service.api();
        browser = Chromium.start();
        merchant = api.createBusiness("MANUAL", "MULTIPLE", null);
        paymentId = api.payment(merchant, "1000.00", "BDT", "LINK", true).path("paymentId").asText();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        service.close();
    }

    private String refund(String amount, String reason) {
        ApiResponse requested = api.post("/api/v1/payments/" + paymentId + "/refunds",
                Api.json(Map.of("amount", amount, "reason", reason)), merchant.headers());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        return requested.text("refundId");
    }

    private String operator(String name, String role) {
        ApiResponse created = api.post("/api/admin/operators", Api.json(Map.of("name", name, "role", role)),
                Api.admin());
        assertThat(created.status()).isEqualTo(201);
        return created.text("token");
    }

    private ConsolePage signedIn(String token) {
        ConsolePage page = browser.open(service.uri().resolve("/console"));
        page.type("signin-token", token);
        page.click("signin-submit");
        page.waitFor("nav-queue");
        return page;
    }

    private String statusOf(String refundId) {
        return api.get("/api/v1/payments/" + paymentId + "/refunds/" + refundId, merchant.headers()).text("status");
    }

    private JsonNode auditOf(String refundId) {
        return api.get("/api/admin/audit?subject=" + refundId, Api.admin()).data().path("items");
    }

    @Test
    void a_reviewer_approves_one_refund_and_rejects_another_with_a_reason_through_the_page() throws Exception {
        String approved = refund("100.00", "item returned");
        String rejected = refund("50.00", XSS);
        String token = operator("Console Reviewer", "REVIEWER");
        ConsolePage page = signedIn(token);
        page.waitFor("queue-row-" + rejected);
        page.screenshot(SCREENSHOTS.resolve("console-queue.png"));

        page.click("approve-" + approved);
        page.waitForText("refund-status-" + approved, "INITIATED");
        page.click("reject-" + rejected);
        page.type("reject-reason", "no proof of return");
        page.click("reject-confirm");
        page.waitForText("refund-status-" + rejected, "REJECTED");

        assertThat(statusOf(approved)).isEqualTo("INITIATED");
        assertThat(statusOf(rejected)).isEqualTo("REJECTED");
        assertThat(auditOf(approved).path(0).path("operatorName").asText()).isEqualTo("Console Reviewer");
        assertThat(auditOf(approved).path(0).path("action").asText()).isEqualTo("refund.approved");
        assertThat(auditOf(rejected).path(0).path("operatorName").asText()).isEqualTo("Console Reviewer");
        assertThat(auditOf(rejected).path(0).path("reason").asText()).isEqualTo("no proof of return");
        assertThat(page.eval("location.href").asText()).doesNotContain(token);
        assertThat(page.eval("sessionStorage.getItem('refunds.console.token')").asText()).isEqualTo(token);
        assertThat(page.eval("localStorage.length").asInt()).isZero();

        page.navigate(service.uri().resolve("/console#payment/" + paymentId));
        page.waitFor("payment-summary");
        page.waitFor("payment-refund-" + approved);
        page.screenshot(SCREENSHOTS.resolve("console-payment.png"));
        assertThat(page.text("payment-refund-" + rejected)).contains("Console Reviewer", "REJECTED");
    }

    @Test
    void a_reason_with_markup_is_shown_as_text_and_never_runs() {
        String refundId = refund("10.00", XSS);
        ConsolePage page = signedIn(operator("Reader", "VIEWER"));

        page.waitFor("queue-row-" + refundId);

        assertThat(page.text("queue-row-" + refundId)).contains(XSS);
        assertThat(page.eval("document.querySelectorAll('img').length").asInt()).isZero();
        assertThat(browser.dialogs).isEmpty();
    }

    @Test
    void a_viewer_sees_the_queue_but_no_approve_or_reject_button() {
        String refundId = refund("11.00", "viewer check");
        ConsolePage page = signedIn(operator("Vic Viewer", "VIEWER"));

        page.waitFor("queue-row-" + refundId);

        assertThat(page.exists("approve-" + refundId)).isFalse();
        assertThat(page.exists("reject-" + refundId)).isFalse();
        assertThat(page.exists("nav-operators")).isFalse();
        assertThat(statusOf(refundId)).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void of_two_tabs_approving_the_same_refund_one_wins_and_the_other_sees_invalid_state() {
        String refundId = refund("12.00", "two tabs");
        String token = operator("Tab Reviewer", "REVIEWER");
        ConsolePage first = signedIn(token);
        ConsolePage second = signedIn(token);
        first.waitFor("approve-" + refundId);
        second.waitFor("approve-" + refundId);

        first.click("approve-" + refundId);
        first.waitForText("refund-status-" + refundId, "INITIATED");
        second.click("approve-" + refundId);

        second.waitUntil("document.querySelector('[data-testid=\"message\"]').textContent.includes('INVALID_STATE')");
        assertThat(second.text("refund-status-" + refundId)).isEqualTo("PENDING_REVIEW");
        assertThat(statusOf(refundId)).isEqualTo("INITIATED");
        assertThat(auditOf(refundId).size()).isEqualTo(1);
    }

    @Test
    void a_session_whose_token_was_revoked_ends_with_a_clear_message_and_changes_nothing() {
        String refundId = refund("13.00", "revoked session");
        String token = operator("Soon Gone", "REVIEWER");
        ConsolePage page = signedIn(token);
        page.waitFor("approve-" + refundId);
        String operatorId = api.get("/api/admin/operators/me", "Authorization", "Bearer " + token).text("operatorId");
        assertThat(api.post("/api/admin/operators/" + operatorId + "/revoke", null, Api.admin()).status())
                .isEqualTo(200);

        page.click("approve-" + refundId);

        page.waitFor("signin-token");
        assertThat(page.text("message")).contains("session has ended");
        assertThat(page.eval("sessionStorage.length").asInt()).isZero();
        assertThat(statusOf(refundId)).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void a_wrong_token_does_not_sign_in() {
        ConsolePage page = browser.open(service.uri().resolve("/console"));
        page.type("signin-token", "op_wrong");
        page.click("signin-submit");

        page.waitUntil("document.querySelector('[data-testid=\"message\"]').textContent.includes('session has ended')");
        assertThat(page.exists("nav-queue")).isFalse();
    }

    @Test
    void the_console_is_served_with_a_strict_content_security_policy() {
        ApiResponse html = api.get("/console");

        assertThat(html.status()).isEqualTo(200);
        String policy = html.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "http");
        assertThat(html.raw()).doesNotContain("<script>", "style=", "onclick", "http://", "https://");
        assertThat(api.get("/console/nope.js").status()).isEqualTo(404);
    }

}
