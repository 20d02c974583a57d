package dev.refunds.rest.webhook;

import dev.refunds.application.webhook.ListDeliveriesCommand;
import dev.refunds.application.webhook.WebhookDeliveriesUseCase;
import dev.refunds.domain.business.Business;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Merchants;
import dev.refunds.rest.doc.MerchantApi;
import dev.refunds.rest.doc.NotFoundAnswer;
import dev.refunds.rest.doc.PagedList;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/** An endpoint's delivery log, newest first; another business's endpoint is a 404. */
@Tag(name = "Webhooks")
@MerchantApi
@Controller("/api/v1/webhook-endpoints")
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebhookDeliveryLogController {
    private final WebhookDeliveriesUseCase deliveries;

    WebhookDeliveryLogController(WebhookDeliveriesUseCase deliveries) {
        this.deliveries = deliveries;
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "List an endpoint's deliveries")
    @ApiResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.DeliveryPageResponse.class)))
    @NotFoundAnswer
    @PagedList
    @Get("/{endpointId}/deliveries")
    HttpResponse<?> deliveries(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                               @PathVariable String endpointId,
                               @Parameter(description = "Page size, 1-100 (default 20)", schema = @Schema(
                                       type = "integer", format = "int32", minimum = "1", maximum = "100"))
                               @QueryValue Optional<String> limit,
                               @QueryValue Optional<String> startingAfter) {
        ListDeliveriesCommand command = new ListDeliveriesCommand(merchant.id(), endpointId,
                Paging.of(limit, startingAfter));
        return deliveries.list(command)
                .<HttpResponse<?>>map(page -> HttpResponse.ok(SuccessEnvelope.of(
                        ListView.of(page, WebhookDeliveryView::of))))
                .orElseGet(() -> WebhookEndpointController.notFound(endpointId));
    }
}
