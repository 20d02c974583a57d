package dev.refunds.rest.v2;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.ConflictAnswer;
import dev.refunds.rest.doc.IdempotentPost;
import dev.refunds.rest.doc.JsonBodyAnswers;
import dev.refunds.rest.doc.MerchantApi;
import dev.refunds.rest.doc.NotFoundAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.rest.doc.ValidationAnswer;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import dev.refunds.application.payment.FindPaymentsUseCase;
import dev.refunds.application.refund.FindRefundsUseCase;
import dev.refunds.application.refund.PaymentRef;
import dev.refunds.application.refund.RequestRefundCommand;
import dev.refunds.application.refund.RequestRefundUseCase;
import dev.refunds.application.refund.RequestedAmount;
import dev.refunds.domain.business.Business;
import dev.refunds.rest.DecisionAnswers;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.StrictJson;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Merchants;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SecPaid API over the same use cases as v1: {@code refundPayment} and {@code refundStatus}, with the
 * document's messages checked in its table's order (amount given → link found → cancelled → invoice → already
 * requested → dispute → amount valid).
 */
@Tag(name = "SecPaid v2")
@MerchantApi
@Controller("/api/v2")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SecPaidController {
    /** SecPaid has no reason field; v1 requires one, so v2 refunds carry this. */
    static final String REASON = "Refund requested through the SecPaid API (v2)";
    private static final Pattern PAY_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final RequestRefundUseCase request;
    private final FindRefundsUseCase find;
    private final FindPaymentsUseCase payments;
    private final IdempotentPosts posts;

    SecPaidController(RequestRefundUseCase request, FindRefundsUseCase find, FindPaymentsUseCase payments,
                      IdempotentPosts posts) {
        this.request = request;
        this.find = find;
        this.payments = payments;
        this.posts = posts;
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RefundPaymentDoc.class)))
    @Operation(operationId = "refundPayment", summary = "Request a refund (v2)",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The refund, Pending or Approved",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SecPaidResponses.RequestedResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @ConflictAnswer
    @JsonBodyAnswers
    @Post("/refundPayment")
    HttpResponse<?> refundPayment(HttpRequest<?> http, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                                  @Body byte[] raw) {
        RefundPaymentBody body = RefundPaymentBody.parse(StrictJson.text(raw));
        if (body == null || !body.hasPositiveAmount()) {
            return SecPaidErrors.amountRequired();
        }
        if (body.payId() == null || body.payId() <= 0) {
            return SecPaidErrors.linkNotFound();
        }
        Object group = RequestRefundCommand.lockGroup(merchant.id(), PaymentRef.ofPayId(body.payId()));
        return posts.runGrouped(http, merchant.id().value(), body, group, () -> {
            if (body.fullRefundMalformed()) {
                return Errors.invalid("isFullRefund", "isFullRefund must be true or false");
            }
            RequestRefundCommand command = new RequestRefundCommand(merchant, PaymentRef.ofPayId(body.payId()),
                    Optional.of(RequestedAmount.jsonNumber(body.amountLiteral())),
                    Boolean.TRUE.equals(body.fullRefund()), REASON, Optional.empty());
            return DecisionAnswers.of(request.handle(command), HttpStatus.OK,
                    change -> SecPaidView.of(change.refund(), change.payment().payId()).requested(),
                    SecPaidErrors::refused);
        });
    }

    /** The latest refund of the link. */
    @Operation(operationId = "getRefundStatus", summary = "The latest refund of a payment (v2)")
    @ApiResponse(responseCode = "200", description = "The latest refund",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SecPaidResponses.RefundResponse.class)))
    @ValidationAnswer
    @NotFoundAnswer
    @Get("/refundStatus")
    HttpResponse<?> refundStatus(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                                 @QueryValue("pay_id") Optional<String> payId) {
        if (payId.isEmpty() || payId.get().isBlank()) {
            return Errors.of(ErrorCode.VALIDATION_ERROR, "pay_id is required");   // v2 errors name no field
        }
        if (!PAY_ID.matcher(payId.get()).matches()) {
            return SecPaidErrors.linkNotFound();
        }
        long id = Long.parseLong(payId.get());
        if (payments.getByPayId(merchant.id(), id).isEmpty()) {
            return SecPaidErrors.linkNotFound();
        }
        return find.latestForPayId(merchant.id(), id)
                .<HttpResponse<?>>map(refund -> HttpResponse.ok(SuccessEnvelope.of(SecPaidView.of(refund, id))))
                .orElseGet(() -> Errors.notFound("No refund was requested for this link"));
    }
}
