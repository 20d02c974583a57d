package dev.refunds.rest.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import dev.refunds.rest.doc.AdminApi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.NotFoundAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.application.admin.AdminQueriesUseCase;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Any business's payment with its refunds, disputes and event timeline. */
@Tag(name = "Admin")
@AdminApi
@Controller("/api/admin/payments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminPaymentController {
    private final AdminQueriesUseCase queries;

    AdminPaymentController(AdminQueriesUseCase queries) {
        this.queries = queries;
    }

    @Operation(operationId = "getPaymentDetail", summary = "A payment with its refunds, disputes and events")
    @ApiResponse(responseCode = "200", description = "The payment in detail",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.PaymentDetailResponse.class)))
    @NotFoundAnswer
    @Get("/{paymentId}")
    HttpResponse<?> payment(@PathVariable String paymentId) {
        return queries.payment(new PaymentId(paymentId))
                .<HttpResponse<?>>map(detail -> HttpResponse.ok(SuccessEnvelope.of(
                        PaymentDetailView.of(detail))))
                .orElseGet(() -> Errors.notFound("No payment " + paymentId));
    }
}
