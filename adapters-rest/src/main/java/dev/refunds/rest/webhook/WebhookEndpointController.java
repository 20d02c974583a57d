package dev.refunds.rest.webhook;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.IdempotentPost;
import dev.refunds.rest.doc.JsonBodyAnswers;
import dev.refunds.rest.doc.MerchantApi;
import dev.refunds.rest.doc.NotFoundAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.application.webhook.CreateWebhookEndpointOutcome;
import dev.refunds.application.webhook.DeleteWebhookEndpointCommand;
import dev.refunds.application.webhook.WebhookEndpointsUseCase;
import dev.refunds.domain.business.Business;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.ListView;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Merchants;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.Errors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import dev.refunds.rest.StrictJson;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.util.OptionalInt;

/** A business's webhook endpoints and their delivery logs; another business's endpoint is a 404. */
@Tag(name = "Webhooks")
@MerchantApi
@Controller("/api/v1/webhook-endpoints")
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebhookEndpointController {
    private final WebhookEndpointsUseCase endpoints;
    private final IdempotentPosts posts;

    WebhookEndpointController(WebhookEndpointsUseCase endpoints, IdempotentPosts posts) {
        this.endpoints = endpoints;
        this.posts = posts;
    }

    /** 201 with the signing secret; a replay under the same idempotency key shows the secret redacted. */
    @RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CreateWebhookEndpointBody.class)))
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "201", description = "The endpoint with its signing secret (shown once)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.CreatedEndpointResponse.class)))
    @IdempotentPost
    @JsonBodyAnswers
    @Post
    HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                           @Body byte[] json) {
        CreateWebhookEndpointBody body = CreateWebhookEndpointBody.from(StrictJson.tree(json));
        return posts.run(request, merchant.id().value(), body, () -> {
            CreateWebhookEndpointOutcome outcome = endpoints.create(body.toCommand(merchant.id()));
            if (outcome instanceof CreateWebhookEndpointOutcome.Created created) {
                return HttpResponse.created(SuccessEnvelope.of(CreatedWebhookEndpointView.of(created.endpoint())));
            }
            int max = ((CreateWebhookEndpointOutcome.LimitReached) outcome).endpointsMax();
            return Errors.of(ErrorCode.VALIDATION_ERROR,
                    "A business has at most " + max + " webhook endpoints; delete one first");
        }, WebhookEndpointController::withoutSecret);
    }

    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints")
    @ApiResponse(responseCode = "200", description = "The endpoints",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.EndpointListResponse.class)))
    @Get
    HttpResponse<?> list(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant) {
        return HttpResponse.ok(SuccessEnvelope.of(ListView.all(endpoints.list(merchant.id()),
                WebhookEndpointView::of)));
    }

    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint")
    @ApiResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.EndpointResponse.class)))
    @NotFoundAnswer
    @Get("/{endpointId}")
    HttpResponse<?> get(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant, @PathVariable String endpointId) {
        return endpoints.get(merchant.id(), endpointId)
                .<HttpResponse<?>>map(endpoint -> HttpResponse.ok(SuccessEnvelope.of(WebhookEndpointView.of(endpoint))))
                .orElseGet(() -> notFound(endpointId));
    }

    /** Deliveries to a deleted endpoint stop; its log goes with it. */
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint")
    @ApiResponse(responseCode = "200", description = "The endpoint is deleted",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.DeletedResponse.class)))
    @NotFoundAnswer
    @Delete("/{endpointId}")
    HttpResponse<?> delete(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                           @PathVariable String endpointId) {
        if (!endpoints.delete(new DeleteWebhookEndpointCommand(merchant.id(), endpointId))) {
            return notFound(endpointId);
        }
        return HttpResponse.ok(SuccessEnvelope.of(new DeletedWebhookEndpointView(endpointId, true)));
    }

    /** A disabled endpoint gets deliveries again (from the next event or recovery on). */
    @Operation(operationId = "enableWebhookEndpoint", summary = "Enable a disabled webhook endpoint")
    @ApiResponse(responseCode = "200", description = "The endpoint, ENABLED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.EndpointResponse.class)))
    @NotFoundAnswer
    @Post("/{endpointId}/enable")
    HttpResponse<?> enable(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                           @PathVariable String endpointId) {
        return endpoints.enable(merchant.id(), endpointId)
                .<HttpResponse<?>>map(endpoint -> HttpResponse.ok(SuccessEnvelope.of(WebhookEndpointView.of(endpoint))))
                .orElseGet(() -> notFound(endpointId));
    }

    /** The new secret, shown once; the old one signs beside it until it expires. */
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate an endpoint's signing secret")
    @ApiResponse(responseCode = "200", description = "The new secret (shown once)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.RotatedSecretResponse.class)))
    @NotFoundAnswer
    @JsonBodyAnswers
    @Post("/{endpointId}/rotate-secret")
    HttpResponse<?> rotateSecret(HttpRequest<?> request, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                                 @PathVariable String endpointId, @Nullable @Body byte[] json) {
        Duration retiringFor = EndpointLifecycleBodies.retiringFor(json, request.getContentType().isPresent());
        return endpoints.rotateSecret(merchant.id(), endpointId, retiringFor)
                .<HttpResponse<?>>map(secret -> HttpResponse.ok(SuccessEnvelope.of(
                        new RotatedSecretView(endpointId, secret))))
                .orElseGet(() -> notFound(endpointId));
    }

    /** Sends every FAILED delivery of the window again: 202 with how many. */
    @Operation(operationId = "recoverWebhookDeliveries", summary = "Send the failed deliveries of a window again")
    @ApiResponse(responseCode = "202", description = "How many deliveries are sent again",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookResponses.RecoveredResponse.class)))
    @NotFoundAnswer
    @JsonBodyAnswers
    @Post("/{endpointId}/recover")
    HttpResponse<?> recover(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                            @PathVariable String endpointId, @Nullable @Body byte[] json) {
        EndpointLifecycleBodies.Window window = EndpointLifecycleBodies.window(json);
        OptionalInt recovered = endpoints.recover(merchant.id(), endpointId, window.since(), window.until());
        return recovered.isPresent()
                ? HttpResponse.accepted().body(SuccessEnvelope.of(new RecoveredView(recovered.getAsInt())))
                : notFound(endpointId);
    }

    static HttpResponse<?> notFound(String endpointId) {
        return Errors.notFound("No webhook endpoint " + endpointId);
    }

    private static Object withoutSecret(Object answer) {
        if (answer instanceof SuccessEnvelope envelope && envelope.data() instanceof CreatedWebhookEndpointView view) {
            return SuccessEnvelope.of(view.redacted());
        }
        return answer;
    }
}
