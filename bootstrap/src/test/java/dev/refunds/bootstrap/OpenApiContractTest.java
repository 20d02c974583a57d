package dev.refunds.bootstrap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OpenApiContract;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check every test client runs on every answer: a real answer passes against the served document and fails
 * against a copy of it with one schema broken on purpose, so a wrong document (or a wrong answer) fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
    private RunningService service;
    private Merchant merchant;
    private String paymentPath;
    private ApiResponse payment;

    @BeforeAll
    void start() {
        service = RunningService.start(Backend.H2.newDatabase());
        merchant = service.api().createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = service.api().payment(merchant, "1000.00", "BDT", "LINK", true).path("paymentId").asText();
        paymentPath = "/api/v1/payments/" + paymentId;
        payment = service.api().get(paymentPath, merchant.headers());
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void a_real_answer_passes_against_the_served_document() {
        String served = service.api().get("/openapi.yml").raw();
        ValidationReport report = validate(OpenApiContract.validatorFor(served), payment);
        assertThat(payment.status()).isEqualTo(200);
        assertThat(report.hasErrors()).as(OpenApiContract.describe(report)).isFalse();
        assertThat(OpenApiContract.validated()).as("answers checked in this JVM so far").isPositive();
    }

    @Test
    void the_same_answer_fails_against_a_document_whose_payment_schema_is_wrong() {
        String served = service.api().get("/openapi.yml").raw();
        String broken = served.replace("^PAY_[0-9]{8}_[0-9A-Z]{10}$", "^PAYMENT-[0-9]+$");
        assertThat(broken).as("the payment id pattern was found and broken").isNotEqualTo(served);
        ValidationReport report = validate(OpenApiContract.validatorFor(broken), payment);
        assertThat(report.hasErrors()).isTrue();
        assertThat(OpenApiContract.describe(report)).contains("paymentId").contains("^PAYMENT-[0-9]+$");
    }

    @Test
    void an_undocumented_status_fails_the_test_that_received_it() {
        ApiResponse answer = service.api().get(paymentPath, merchant.headers());
        assertThatThrownBy(() -> OpenApiContract.check(service.uri(), "GET", paymentPath, 418,
                answer.headers().map(), answer.raw()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void a_body_missing_a_required_field_fails() {
        String body = payment.raw().replaceFirst("\"currency\":\"BDT\",", "");
        assertThat(body).isNotEqualTo(payment.raw());
        assertThatThrownBy(() -> OpenApiContract.check(service.uri(), "GET", paymentPath, 200,
                payment.headers().map(), body))
                .isInstanceOf(AssertionError.class).hasMessageContaining("currency");
    }

    private ValidationReport validate(OpenApiInteractionValidator validator, ApiResponse answer) {
        return OpenApiContract.validate(validator, "GET", paymentPath, answer.status(), answer.headers().map(),
                answer.raw());
    }

}
