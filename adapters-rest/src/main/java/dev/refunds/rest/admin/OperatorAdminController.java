package dev.refunds.rest.admin;

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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.Optional;

/** Named operators with roles; {@code ADMIN} only, except {@code /me}, which any operator may read. */
@Controller("/api/admin/operators")
@ExecuteOn(TaskExecutors.BLOCKING)
final class OperatorAdminController {
    private final OperatorsUseCase operators;
    private final IdempotentPosts posts;

    OperatorAdminController(OperatorsUseCase operators, IdempotentPosts posts) {
        this.operators = operators;
        this.posts = posts;
    }

    @Parameter(in = ParameterIn.HEADER, name = IdempotentPosts.KEY_HEADER, description = IdempotentPosts.KEY_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateOperatorBody.class)))
    @Post
    HttpResponse<?> create(HttpRequest<?> request, @Body byte[] json) {
        CreateOperatorBody body = CreateOperatorBody.from(JsonBody.parse(json));
        return posts.run(request, AdminScope.NAME, body, () -> HttpResponse.created(SuccessEnvelope.of(
                OperatorCreatedView.of(operators.create(Operators.actor(request), body.validName(),
                        body.validRole())))), OperatorAdminController::withoutToken);
    }

    /** Every operator but {@code root}, newest first. */
    @Get
    HttpResponse<?> list(@QueryValue Optional<String> limit, @QueryValue Optional<String> startingAfter) {
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(operators.list(Paging.of(limit, startingAfter)),
                OperatorView::of)));
    }

    /** Who the caller is: the console shows only what this operator's role may do. */
    @Get("/me")
    HttpResponse<?> me(HttpRequest<?> request) {
        return HttpResponse.ok(SuccessEnvelope.of(OperatorView.of(Operators.of(request))));
    }

    @Parameter(in = ParameterIn.HEADER, name = IdempotentPosts.KEY_HEADER, description = IdempotentPosts.KEY_DOC)
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
