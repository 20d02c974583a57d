package dev.refunds.rest.admin;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import dev.refunds.rest.doc.AdminApi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.IdempotentPost;
import dev.refunds.rest.doc.JsonBodyAnswers;
import dev.refunds.rest.doc.NotFoundAnswer;
import io.swagger.v3.oas.annotations.Operation;
import dev.refunds.rest.doc.PagedList;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import dev.refunds.application.admin.AdminActionsUseCase;
import dev.refunds.application.admin.AdminQueriesUseCase;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.rest.JsonBody;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.auth.Operators;
import dev.refunds.rest.error.Errors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.SuccessEnvelope;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;
import java.util.Optional;

@Tag(name = "Admin")
@AdminApi
@Controller("/api/admin/businesses")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BusinessAdminController {
    private final AdminActionsUseCase actions;
    private final AdminQueriesUseCase queries;
    private final IdempotentPosts posts;

    BusinessAdminController(AdminActionsUseCase actions, AdminQueriesUseCase queries, IdempotentPosts posts) {
        this.actions = actions;
        this.queries = queries;
        this.posts = posts;
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateBusinessBody.class)))
    @Operation(operationId = "createBusiness", summary = "Create a business",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "201", description = "The business with its credentials (API key shown once)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.BusinessCreatedResponse.class)))
    @IdempotentPost
    @JsonBodyAnswers
    @Post
    HttpResponse<?> create(HttpRequest<?> request, @Body byte[] json) {
        CreateBusinessBody body = CreateBusinessBody.from(JsonBody.parse(json));
        return posts.run(request, AdminScope.NAME, body, () -> HttpResponse.created(SuccessEnvelope.of(
                BusinessCreatedView.of(actions.createBusiness(Operators.actor(request), body.toCommand())))),
                BusinessAdminController::withoutApiKey);
    }

    /** Every business, newest first. */
    @Operation(operationId = "listBusinesses", summary = "List businesses")
    @ApiResponse(responseCode = "200", description = "A page of businesses",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.BusinessPageResponse.class)))
    @PagedList
    @Get
    HttpResponse<?> list(
        @Parameter(description = "Page size, 1-100 (default 20)",
                schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
        @QueryValue Optional<String> limit, @QueryValue Optional<String> startingAfter) {
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(queries.businesses(Paging.of(limit, startingAfter)),
                BusinessView::of)));
    }

    /** Stripe's "roll key": a new key, shown once; the old one works until {@code expiresInSeconds} pass. */
    @RequestBody(content = @Content(schema = @Schema(implementation = RotateKeyBody.class)))
    @Operation(operationId = "rotateBusinessApiKey", summary = "Rotate a business's API key",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The new API key (shown once)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.RotatedApiKeyResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @JsonBodyAnswers
    @Post("/{businessId}/rotate-key")
    HttpResponse<?> rotateKey(HttpRequest<?> request, @PathVariable String businessId, @Nullable @Body byte[] json) {
        RotateKeyBody body = RotateKeyBody.from(json);
        return posts.run(request, AdminScope.NAME, body, () -> actions.rotateApiKey(Operators.actor(request),
                        new BusinessId(businessId), body.oldKeyExpiresIn())
                .<HttpResponse<?>>map(apiKey -> HttpResponse.ok(SuccessEnvelope.of(Map.of("businessId", businessId,
                        "apiKey", apiKey))))
                .orElseGet(() -> Errors.notFound("No business " + businessId)), BusinessAdminController::withoutApiKey);
    }

    /** An API key is shown once and stored only as a hash: a replay of this answer shows it redacted. */
    private static Object withoutApiKey(Object answer) {
        if (answer instanceof SuccessEnvelope envelope && envelope.data() instanceof BusinessCreatedView view) {
            return SuccessEnvelope.of(view.withApiKey(BusinessCreatedView.API_KEY_REDACTED));
        }
        if (answer instanceof SuccessEnvelope envelope && envelope.data() instanceof Map<?, ?> rotated
                && rotated.containsKey("apiKey")) {
            return SuccessEnvelope.of(Map.of("businessId", rotated.get("businessId"),
                    "apiKey", "(shown once, when the key was rotated)"));
        }
        return answer;
    }
}
