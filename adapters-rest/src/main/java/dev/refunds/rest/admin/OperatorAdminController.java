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
import dev.refunds.application.operator.OperatorsUseCase;
import dev.refunds.application.operator.Revocation;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.JsonBody;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Operators;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.Optional;

/** Named operators with roles; {@code ADMIN} only, except {@code /me}, which any operator may read. */
@Tag(name = "Admin")
@AdminApi
@Controller("/api/admin/operators")
@ExecuteOn(TaskExecutors.BLOCKING)
final class OperatorAdminController {
    private final OperatorsUseCase operators;
    private final IdempotentPosts posts;

    OperatorAdminController(OperatorsUseCase operators, IdempotentPosts posts) {
        this.operators = operators;
        this.posts = posts;
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateOperatorBody.class)))
    @Operation(operationId = "createOperator", summary = "Create an operator",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "201", description = "The operator with its token (shown once)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.OperatorCreatedResponse.class)))
    @IdempotentPost
    @JsonBodyAnswers
    @Post
    HttpResponse<?> create(HttpRequest<?> request, @Body byte[] json) {
        CreateOperatorBody body = CreateOperatorBody.from(JsonBody.parse(json));
        return posts.run(request, AdminScope.NAME, body, () -> HttpResponse.created(SuccessEnvelope.of(
                OperatorCreatedView.of(operators.create(Operators.actor(request), body.validName(),
                        body.validRole())))), OperatorAdminController::withoutToken);
    }

    /** Every operator but {@code root}, newest first. */
    @Operation(operationId = "listOperators", summary = "List operators")
    @ApiResponse(responseCode = "200", description = "A page of operators",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.OperatorPageResponse.class)))
    @PagedList
    @Get
    HttpResponse<?> list(
        @Parameter(description = "Page size, 1-100 (default 20)",
                schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
        @QueryValue Optional<String> limit, @QueryValue Optional<String> startingAfter) {
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(operators.list(Paging.of(limit, startingAfter)),
                OperatorView::of)));
    }

    /** Who the caller is: the console shows only what this operator's role may do. */
    @Operation(operationId = "getCurrentOperator", summary = "The calling operator")
    @ApiResponse(responseCode = "200", description = "The operator",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.OperatorResponse.class)))
    @Get("/me")
    HttpResponse<?> me(HttpRequest<?> request) {
        return HttpResponse.ok(SuccessEnvelope.of(OperatorView.of(Operators.of(request))));
    }

    @Operation(operationId = "revokeOperator", summary = "Revoke an operator's token",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The operator, revoked",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.OperatorResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @Post("/{operatorId}/revoke")
    HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable String operatorId) {
        return posts.run(request, AdminScope.NAME, null, () -> {
            Revocation revocation = operators.revoke(Operators.actor(request), operatorId);
            return switch (revocation.outcome()) {
                case REVOKED -> HttpResponse.ok(SuccessEnvelope.of(OperatorView.of(revocation.operator().orElseThrow())));
                case NOT_FOUND -> Errors.notFound("No operator " + operatorId);
                case ALREADY_REVOKED -> Errors.of(ErrorCode.INVALID_STATE, "Operator " + operatorId
                        + " is already revoked");
                case ROOT -> Errors.of(ErrorCode.INVALID_STATE, "root is the operator of REFUNDS_ADMIN_TOKEN and"
                        + " cannot be revoked; change that setting to replace its token");
            };
        });
    }

    /** The token is shown once and stored only as a hash: a replay of this answer shows it redacted. */
    private static Object withoutToken(Object answer) {
        if (answer instanceof SuccessEnvelope envelope && envelope.data() instanceof OperatorCreatedView view) {
            return SuccessEnvelope.of(view.redacted());
        }
        return answer;
    }
}
