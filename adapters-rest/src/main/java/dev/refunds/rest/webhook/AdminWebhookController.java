package dev.refunds.rest.webhook;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import dev.refunds.rest.doc.AdminApi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.IdempotentPost;
import dev.refunds.rest.doc.NotFoundAnswer;
import io.swagger.v3.oas.annotations.Operation;
import dev.refunds.rest.doc.PagedList;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.application.admin.AdminActionsUseCase;
import dev.refunds.application.webhook.ListDeliveriesCommand;
import dev.refunds.application.webhook.RetryDeliveryOutcome;
import dev.refunds.application.webhook.WebhookDeliveriesUseCase;
import dev.refunds.application.webhook.WebhookEndpointsUseCase;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Operators;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/** A business's webhook endpoints and deliveries, as operators see them, and a manual retry on its behalf. */
@Tag(name = "Webhooks")
@AdminApi
@Controller("/api/admin/businesses/{businessId}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminWebhookController {
    private final WebhookEndpointsUseCase endpoints;
    private final WebhookDeliveriesUseCase deliveries;
    private final AdminActionsUseCase actions;
    private final IdempotentPosts posts;

    AdminWebhookController(WebhookEndpointsUseCase endpoints, WebhookDeliveriesUseCase deliveries,
                           AdminActionsUseCase actions, IdempotentPosts posts) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.actions = actions;
        this.posts = posts;
    }

    @Operation(operationId = "listBusinessWebhookEndpoints", summary = "List a business's webhook endpoints")
    @ApiResponse(responseCode = "200", description = "The endpoints",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.EndpointListResponse.class)))
    @NotFoundAnswer
    @Get("/webhook-endpoints")
    HttpResponse<?> endpoints(@PathVariable String businessId) {
        return HttpResponse.ok(SuccessEnvelope.of(ListView.all(endpoints.list(new BusinessId(businessId)),
                WebhookEndpointView::of)));
    }

    @Operation(operationId = "listBusinessWebhookDeliveries", summary = "List a business endpoint's deliveries")
    @ApiResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.DeliveryPageResponse.class)))
    @NotFoundAnswer
    @PagedList
    @Get("/webhook-endpoints/{endpointId}/deliveries")
    HttpResponse<?> deliveries(@PathVariable String businessId, @PathVariable String endpointId,
                               @Parameter(description = "Page size, 1-100 (default 20)",
                                       schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
                               @QueryValue Optional<String> limit, @QueryValue Optional<String> startingAfter) {
        return deliveries.list(new ListDeliveriesCommand(new BusinessId(businessId), endpointId,
                        Paging.of(limit, startingAfter)))
                .<HttpResponse<?>>map(page -> HttpResponse.ok(SuccessEnvelope.of(
                        ListView.of(page, WebhookDeliveryView::of))))
                .orElseGet(() -> Errors.notFound("No webhook endpoint " + endpointId));
    }

    /** 202: queued for the worker; an {@code ADMIN}'s act, recorded in the audit trail. */
    @Operation(operationId = "retryBusinessWebhookDelivery", summary = "Retry a business's webhook delivery",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "202", description = "The delivery is queued again",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.DeliveryResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @Post("/webhook-deliveries/{deliveryId}/retry")
    HttpResponse<?> retry(HttpRequest<?> request, @PathVariable String businessId, @PathVariable String deliveryId) {
        return posts.run(request, "admin", null, () -> {
            RetryDeliveryOutcome outcome = actions.retryDelivery(Operators.actor(request), new BusinessId(businessId),
                    deliveryId);
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
