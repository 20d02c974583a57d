package dev.refunds.rest.v1;

import dev.refunds.rest.schema.V1Responses;
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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import dev.refunds.rest.JsonBody;
import io.micronaut.http.HttpRequest;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.application.refund.CancelRefundUseCase;
import dev.refunds.application.refund.FindRefundsUseCase;
import dev.refunds.application.refund.PaymentRef;
import dev.refunds.application.refund.RequestRefundCommand;
import dev.refunds.application.refund.RequestRefundUseCase;
import dev.refunds.application.refund.UpdateRefundMetadataUseCase;
import dev.refunds.application.settlement.SyncRefundUseCase;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.rest.ListView;
import dev.refunds.rest.RefundAnswers;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Merchants;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Tag(name = "Refunds")
@MerchantApi
@Controller("/api/v1/payments/{paymentId}/refunds")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RefundController {
    private final RequestRefundUseCase request;
    private final CancelRefundUseCase cancel;
    private final FindRefundsUseCase find;
    private final IdempotentPosts posts;
    private final SyncRefundUseCase sync;
    private final UpdateRefundMetadataUseCase update;

    RefundController(RequestRefundUseCase request, CancelRefundUseCase cancel, FindRefundsUseCase find,
                     IdempotentPosts posts, SyncRefundUseCase sync, UpdateRefundMetadataUseCase update) {
        this.request = request;
        this.cancel = cancel;
        this.find = find;
        this.posts = posts;
        this.sync = sync;
        this.update = update;
    }

    /** 202: the refund is queued, not settled; follow it by its status or by webhooks. */
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestRefundBody.class)))
    @Operation(operationId = "createRefund", summary = "Request a refund of a payment",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "202", description = "The refund, queued (not yet settled)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.RefundResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @ConflictAnswer
    @JsonBodyAnswers
    @Post
    HttpResponse<?> request(HttpRequest<?> http, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                            @PathVariable String paymentId, @Body byte[] json) {
        RequestRefundBody body = RequestRefundBody.from(JsonBody.parse(json));
        Object group = RequestRefundCommand.lockGroup(merchant.id(), PaymentRef.of(new PaymentId(paymentId)));
        return posts.runGrouped(http, merchant.id().value(), body, group, () -> RefundAnswers.of(
                request.handle(body.toCommand(merchant, new PaymentId(paymentId))), HttpStatus.ACCEPTED));
    }

    @Operation(operationId = "listPaymentRefunds", summary = "List a payment's refunds")
    @ApiResponse(responseCode = "200", description = "The payment's refunds",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.RefundPageResponse.class)))
    @NotFoundAnswer
    @Get
    HttpResponse<?> list(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant, @PathVariable String paymentId) {
        return find.listForPayment(merchant.id(), new PaymentId(paymentId))
                .<HttpResponse<?>>map(refunds -> HttpResponse.ok(SuccessEnvelope.of(
                        ListView.all(refunds, RefundView::of))))
                .orElseGet(() -> Errors.notFound("No payment " + paymentId));
    }

    @Operation(operationId = "getRefund", summary = "Get a refund")
    @ApiResponse(responseCode = "200", description = "The refund",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.RefundResponse.class)))
    @NotFoundAnswer
    @Get("/{refundId}")
    HttpResponse<?> get(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant, @PathVariable String paymentId,
                        @PathVariable String refundId) {
        return find.get(merchant.id(), new PaymentId(paymentId), new RefundId(refundId))
                .<HttpResponse<?>>map(refund -> HttpResponse.ok(SuccessEnvelope.of(RefundView.of(refund))))
                .orElseGet(() -> Errors.notFound("No refund " + refundId + " of payment " + paymentId));
    }

    @Operation(operationId = "cancelRefund", summary = "Cancel a refund",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The refund, CANCELLED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.RefundResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @ConflictAnswer
    @Post("/{refundId}/cancel")
    HttpResponse<?> cancel(HttpRequest<?> http, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                           @PathVariable String paymentId, @PathVariable String refundId) {
        return posts.run(http, merchant.id().value(), null, () -> RefundAnswers.of(
                cancel.cancel(merchant.id(), new PaymentId(paymentId), new RefundId(refundId)), HttpStatus.OK));
    }

    /** Asks the processor now and applies its answer; 409 unless the refund is PROCESSING or COMPLETED. */
    @Operation(operationId = "syncRefund", summary = "Apply the processor's answer now",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The refund as the processor reports it",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.RefundResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @ConflictAnswer
    @Post("/{refundId}/sync")
    HttpResponse<?> sync(HttpRequest<?> http, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                         @PathVariable String paymentId, @PathVariable String refundId) {
        return posts.run(http, merchant.id().value(), null, () -> RefundAnswers.of(
                sync.sync(merchant.id(), new PaymentId(paymentId), new RefundId(refundId)), HttpStatus.OK));
    }

    /** Updates the metadata only (a key set to "" is removed) and writes refund.updated. */
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateRefundBody.class)))
    @Operation(operationId = "updateRefundMetadata", summary = "Update a refund's metadata",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The refund",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.RefundResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @JsonBodyAnswers
    @Post("/{refundId}")
    HttpResponse<?> update(HttpRequest<?> http, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                           @PathVariable String paymentId, @PathVariable String refundId, @Body byte[] json) {
        UpdateRefundBody body = UpdateRefundBody.from(JsonBody.parse(json));
        return posts.run(http, merchant.id().value(), body, () -> RefundAnswers.of(update.update(merchant.id(),
                new PaymentId(paymentId), new RefundId(refundId), body.metadata()), HttpStatus.OK));
    }
}
