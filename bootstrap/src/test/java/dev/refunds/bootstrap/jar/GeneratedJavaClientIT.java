package dev.refunds.bootstrap.jar;

import dev.refunds.bootstrap.support.process.ServiceProcesses;

import dev.refunds.bootstrap.support.process.ServiceProcess;

import dev.refunds.bootstrap.support.Backend;
import dev.refunds.client.ApiException;
import dev.refunds.client.ApiResponse;
import dev.refunds.client.api.AdminApi;
import dev.refunds.client.api.PaymentsApi;
import dev.refunds.client.api.RefundsApi;
import dev.refunds.client.api.SecPaidV2Api;
import dev.refunds.client.model.AdminRefund;
import dev.refunds.client.model.BusinessCreatedView;
import dev.refunds.client.model.CreateBusinessBody;
import dev.refunds.client.model.CreatePaymentBody;
import dev.refunds.client.model.ErrorCode;
import dev.refunds.client.model.Payment;
import dev.refunds.client.model.Refund;
import dev.refunds.client.model.RefundPaymentRequest;
import dev.refunds.client.model.RefundResponse;
import dev.refunds.client.model.RequestRefundBody;
import dev.refunds.client.model.SecPaidRequestedRefund;
import dev.refunds.client.model.SecPaidView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static dev.refunds.bootstrap.jar.GeneratedClients.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Java client generated from the document the build produced drives the real jar: the v1 happy path, and a
 * SecPaid v2 refund an operator approves. Every value is read through the generated models (enums for statuses,
 * v1 amounts as strings, v2 amounts as BigDecimal, as the document types them).
 */
class GeneratedJavaClientIT {
    private static final Duration SETTLE_MAX = Duration.ofSeconds(30);
    private static ServiceProcess jar;

    @BeforeAll
    static void start() throws IOException {
        jar = ServiceProcesses.jar(Backend.H2.newDatabase(), Map.of("REFUNDS_SANDBOX_SETTLE_DELAY", "0s",
                "REFUNDS_SETTLEMENT_POLL_EVERY", "50ms"));
    }

    @AfterAll
    static void stop() {
        jar.close();
    }

    @Test
    void the_v1_happy_path_runs_through_the_generated_java_client() throws ApiException {
        BusinessCreatedView business = business("Java client shop", "AUTO", "MULTIPLE");
        PaymentsApi payments = new PaymentsApi(GeneratedClients.merchant(jar.uri(), business));
        RefundsApi refunds = new RefundsApi(GeneratedClients.merchant(jar.uri(), business));

        Payment created = payments.createPayment(new CreatePaymentBody().amount("1000.00").currency("BDT")
                .merchantRef("java-order-1"), null).getData();
        assertThat(created.getStatus()).isEqualTo(Payment.StatusEnum.PENDING);
        assertThat(created.getPaymentId()).startsWith("PAY_");
        Payment completed = payments.completePayment(created.getPaymentId(), null).getData();   // a bodiless POST
        assertThat(completed.getStatus()).isEqualTo(Payment.StatusEnum.COMPLETED);
        assertThat(completed.getRefundableAmount()).isEqualTo("1000.00");

        RequestRefundBody body = new RequestRefundBody().amount("400.00").reason("one item returned");
        ApiResponse<RefundResponse> first = refunds.createRefundWithHttpInfo(created.getPaymentId(), body, "java-1");
        ApiResponse<RefundResponse> retry = refunds.createRefundWithHttpInfo(created.getPaymentId(), body, "java-1");
        Refund refund = first.getData().getData();
        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(refund.getAmount()).isEqualTo("400.00");
        assertThat(refund.getCurrency()).isEqualTo("BDT");
        assertThat(refund.getStatus()).isIn(Refund.StatusEnum.INITIATED, Refund.StatusEnum.PROCESSING);
        assertThat(retry.getHeaders().get("idempotent-replayed")).as("the retry is a replay").containsExactly("true");
        assertThat(retry.getData().getData().getRefundId()).isEqualTo(refund.getRefundId());

        Refund settled = await(() -> refunds.getRefund(created.getPaymentId(), refund.getRefundId()).getData(),
                read -> read.getStatus() == Refund.StatusEnum.COMPLETED, SETTLE_MAX);
        assertThat(settled.getStatus()).isEqualTo(Refund.StatusEnum.COMPLETED);
        assertThat(settled.getAcquirerReference()).matches("[0-9]{23}");
        assertThat(refunds.listPaymentRefunds(created.getPaymentId()).getData().getItems())
                .extracting(Refund::getRefundId).containsExactly(refund.getRefundId());
        assertThat(refunds.listRefunds(null, null, null, created.getPaymentId(), null, null, null).getData()
                .getItems()).extracting(Refund::getAmount).containsExactly("400.00");
        Payment after = payments.getPayment(created.getPaymentId()).getData();
        assertThat(after.getRefundTotal()).isEqualTo("400.00");
        assertThat(after.getRefundableAmount()).isEqualTo("600.00");
    }

    @Test
    void a_secpaid_v2_refund_approved_by_an_operator_runs_through_the_generated_java_client() throws ApiException {
        BusinessCreatedView business = business("Java SecPaid shop", "MANUAL", "SINGLE");
        PaymentsApi payments = new PaymentsApi(GeneratedClients.merchant(jar.uri(), business));
        SecPaidV2Api v2 = new SecPaidV2Api(GeneratedClients.merchant(jar.uri(), business));
        AdminApi admin = new AdminApi(GeneratedClients.admin(jar.uri()));
        Payment payment = payments.createPayment(new CreatePaymentBody().amount("49.99").currency("USD"), null)
                .getData();
        payments.completePayment(payment.getPaymentId(), null);

        RefundPaymentRequest whole = new RefundPaymentRequest().payId(payment.getPayId())
                .refundAmount(new BigDecimal("49.99")).isFullRefund(true);
        SecPaidRequestedRefund requested = v2.refundPayment(whole, null).getData();
        assertThat(requested.getStatus()).isEqualTo(SecPaidRequestedRefund.StatusEnum.PENDING);
        assertThat(requested.getPayId()).isEqualTo(payment.getPayId());
        assertThat(requested.getRefundAmount()).isEqualByComparingTo("49.99");

        assertThat(admin.searchRefunds("PENDING_REVIEW", business.getBusinessId(), null, null, null, null, null,
                null, null).getData().getItems()).extracting(AdminRefund::getRefundId)
                .containsExactly(requested.getRefundId());
        AdminRefund approved = admin.approveRefund(requested.getRefundId(), null).getData();   // a bodiless POST
        assertThat(approved.getStatus()).isIn(AdminRefund.StatusEnum.INITIATED, AdminRefund.StatusEnum.PROCESSING,
                AdminRefund.StatusEnum.COMPLETED);
        assertThat(approved.getReviewedBy()).isNotBlank();

        String payId = Long.toString(payment.getPayId());
        SecPaidView status = await(() -> v2.getRefundStatus(payId).getData(),
                view -> view.getStatus() == SecPaidView.StatusEnum.COMPLETED, SETTLE_MAX);
        assertThat(status.getStatus()).isEqualTo(SecPaidView.StatusEnum.COMPLETED);
        assertThat(status.getRefundId()).isEqualTo(requested.getRefundId());
        assertThat(status.getRefundAmount()).isEqualByComparingTo("49.99");

        ApiException again = catchThrowableOfType(() -> v2.refundPayment(new RefundPaymentRequest()
                .payId(payment.getPayId()).refundAmount(new BigDecimal("1.00")), null), ApiException.class);
        assertThat(again.getCode()).isEqualTo(409);
        assertThat(GeneratedClients.error(again).getError().getCode()).isEqualTo(ErrorCode.REFUND_ALREADY_REQUESTED);
    }

    private static BusinessCreatedView business(String name, String reviewMode, String refundMode)
            throws ApiException {
        AdminApi admin = new AdminApi(GeneratedClients.admin(jar.uri()));
        BusinessCreatedView business = admin.createBusiness(new CreateBusinessBody().name(name)
                .reviewMode(reviewMode).refundMode(refundMode), null).getData();
        assertThat(business.getReviewMode().getValue()).isEqualTo(reviewMode);
        return business;
    }
}
