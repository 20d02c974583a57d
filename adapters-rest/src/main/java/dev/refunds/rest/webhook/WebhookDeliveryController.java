package dev.refunds.rest.webhook;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.IdempotentPost;
import dev.refunds.rest.doc.MerchantApi;
import dev.refunds.rest.doc.NotFoundAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.application.webhook.RetryDeliveryCommand;
import dev.refunds.application.webhook.RetryDeliveryOutcome;
import dev.refunds.application.webhook.WebhookDeliveriesUseCase;
import dev.refunds.domain.business.Business;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Merchants;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code POST /api/v1/webhook-deliveries/{deliveryId}/retry}: a {@code FAILED} delivery is sent once more. */
@Tag(name = "Webhooks")
@MerchantApi
@Controller("/api/v1/webhook-deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebhookDeliveryController {
    private final WebhookDeliveriesUseCase deliveries;
    private final IdempotentPosts posts;

    WebhookDeliveryController(WebhookDeliveriesUseCase deliveries, IdempotentPosts posts) {
        this.deliveries = deliveries;
        this.posts = posts;
    }

    /** 202: queued for the worker, which makes the attempt shortly; follow it in the delivery log. */
    @Operation(operationId = "retryWebhookDelivery", summary = "Retry a webhook delivery",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "202", description = "The delivery is queued again",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.DeliveryResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @Post("/{deliveryId}/retry")
    HttpResponse<?> retry(HttpRequest<?> request, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                          @PathVariable String deliveryId) {
        return posts.run(request, merchant.id().value(), null, () -> {
            RetryDeliveryOutcome outcome = deliveries.retry(new RetryDeliveryCommand(merchant.id(), deliveryId));
            if (outcome instanceof RetryDeliveryOutcome.Retried retried) {
                return HttpResponse.status(HttpStatus.ACCEPTED)
                        .body(SuccessEnvelope.of(WebhookDeliveryView.of(retried.delivery())));
            }
            if (outcome instanceof RetryDeliveryOutcome.NotFailed notFailed) {
                return Errors.of(ErrorCode.INVALID_STATE, "Only a FAILED delivery can be retried; this one is "
                        + notFailed.status());
            }
            return Errors.notFound("No webhook delivery " + deliveryId);
        });
    }
}
