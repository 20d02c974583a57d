package dev.refunds.rest.reconciliation;

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
import dev.refunds.application.admin.AdminActionsUseCase;
import dev.refunds.application.operator.Actor;
import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.reconciliation.DiscrepancyStatus;
import dev.refunds.application.reconciliation.DiscrepanciesUseCase;
import dev.refunds.rest.Fields;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.JsonBody;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Operators;
import dev.refunds.rest.DecisionAnswers;
import dev.refunds.rest.error.Errors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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

/** What the reconciliation job found, newest first, and an operator's resolution of it. */
@Tag(name = "Admin")
@AdminApi
@Controller("/api/admin/reconciliation")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReconciliationController {
    /** Admin requests share one idempotency scope (as in the admin package). */
    private static final String ADMIN_SCOPE = "admin";

    private final DiscrepanciesUseCase discrepancies;
    private final AdminActionsUseCase actions;
    private final IdempotentPosts posts;

    ReconciliationController(DiscrepanciesUseCase discrepancies, AdminActionsUseCase actions, IdempotentPosts posts) {
        this.discrepancies = discrepancies;
        this.actions = actions;
        this.posts = posts;
    }

    @Operation(operationId = "listDiscrepancies", summary = "List reconciliation discrepancies")
    @ApiResponse(responseCode = "200", description = "A page of discrepancies",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReconciliationResponses.DiscrepancyPageResponse.class)))
    @PagedList
    @Get
    HttpResponse<?> list(@QueryValue Optional<String> status,
        @Parameter(description = "Page size, 1-100 (default 20)",
                schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
        @QueryValue Optional<String> limit,
                         @QueryValue Optional<String> startingAfter) {
        Optional<DiscrepancyStatus> wanted = Fields.optionalEnum(status.orElse(null), "status",
                DiscrepancyStatus.class);
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(
                discrepancies.list(wanted, Paging.of(limit, startingAfter)), DiscrepancyView::of)));
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteBody.class)))
    @Operation(operationId = "resolveDiscrepancy", summary = "Resolve a discrepancy with a note",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The discrepancy, RESOLVED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReconciliationResponses.DiscrepancyResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @JsonBodyAnswers
    @Post("/{discrepancyId}/resolve")
    HttpResponse<?> resolve(HttpRequest<?> request, @PathVariable String discrepancyId, @Nullable @Body byte[] json) {
        NoteBody body = NoteBody.from(JsonBody.parseOrEmpty(json));
        String note = Fields.required(body.note(), "note", Discrepancy.NOTE_LENGTH_MAX);
        Actor actor = Operators.actor(request);
        return posts.run(request, ADMIN_SCOPE, body, () -> actions.resolveDiscrepancy(actor, discrepancyId, note)
                .<HttpResponse<?>>map(resolved -> DecisionAnswers.of(resolved, HttpStatus.OK, DiscrepancyView::of))
                .orElseGet(() -> Errors.notFound("No discrepancy " + discrepancyId)));
    }
}
