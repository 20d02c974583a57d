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
import dev.refunds.rest.JsonBody;
import io.micronaut.http.HttpRequest;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.application.admin.AdminActionsUseCase;
import dev.refunds.application.admin.AdminQueriesUseCase;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.auth.Operators;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.Optional;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeChange;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.rest.DecisionAnswers;
import dev.refunds.rest.Fields;
import dev.refunds.rest.SuccessEnvelope;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Disputes: opened on a payment, closed {@code WON} or {@code LOST}, listed across businesses. */
@Tag(name = "Admin")
@AdminApi
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DisputeAdminController {
    private final AdminActionsUseCase actions;
    private final AdminQueriesUseCase queries;
    private final IdempotentPosts posts;

    DisputeAdminController(AdminActionsUseCase actions, AdminQueriesUseCase queries, IdempotentPosts posts) {
        this.actions = actions;
        this.queries = queries;
        this.posts = posts;
    }

    /** Every business's disputes, newest first; {@code status=OPEN} for those still open. */
    @Operation(operationId = "listDisputes", summary = "List disputes")
    @ApiResponse(responseCode = "200", description = "A page of disputes",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.DisputePageResponse.class)))
    @PagedList
    @Get("/disputes")
    HttpResponse<?> list(@QueryValue Optional<String> status,
        @Parameter(description = "Page size, 1-100 (default 20)",
                schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
        @QueryValue Optional<String> limit,
                         @QueryValue Optional<String> startingAfter) {
        Optional<DisputeStatus> wanted = Fields.optionalEnum(status.orElse(null), "status", DisputeStatus.class);
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(queries.disputes(wanted,
                Paging.of(limit, startingAfter)), DisputeView::of)));
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReasonBody.class)))
    @Operation(operationId = "openDispute", summary = "Open a dispute on a payment",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "201", description = "The dispute, OPEN",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.DisputeResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @JsonBodyAnswers
    @Post("/payments/{paymentId}/disputes")
    HttpResponse<?> open(HttpRequest<?> request, @PathVariable String paymentId, @Body byte[] json) {
        ReasonBody body = ReasonBody.from(JsonBody.parse(json));
        return posts.run(request, AdminScope.NAME, body, () -> {
            String reason = Fields.required(body.reason(), "reason", Dispute.REASON_LENGTH_MAX);
            return DecisionAnswers.of(actions.openDispute(Operators.actor(request), new PaymentId(paymentId),
                    reason), HttpStatus.CREATED, DisputeAdminController::view);
        });
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CloseDisputeBody.class)))
    @Operation(operationId = "closeDispute", summary = "Close a dispute",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The dispute, WON or LOST",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdminResponses.DisputeResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @JsonBodyAnswers
    @Post("/disputes/{disputeId}/close")
    HttpResponse<?> close(HttpRequest<?> request, @PathVariable String disputeId, @Body byte[] json) {
        CloseDisputeBody body = CloseDisputeBody.from(JsonBody.parse(json));
        return posts.run(request, AdminScope.NAME, body, () -> {
            CloseDisputeBody.Outcome outcome = Fields.enumValue(body.outcome(), "outcome",
                    CloseDisputeBody.Outcome.class);
            return DecisionAnswers.of(actions.closeDispute(Operators.actor(request), new DisputeId(disputeId),
                    DisputeStatus.valueOf(outcome.name())), HttpStatus.OK, DisputeAdminController::view);
        });
    }

    private static DisputeView view(DisputeChange change) {
        return DisputeView.of(change.dispute());
    }
}
