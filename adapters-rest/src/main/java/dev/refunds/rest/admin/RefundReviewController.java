package dev.refunds.rest.admin;

import dev.refunds.rest.schema.V1Responses;
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
import dev.refunds.application.admin.RefundSearch;
import dev.refunds.application.operator.Actor;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.rest.DecisionAnswers;
import dev.refunds.rest.JsonBody;
import dev.refunds.rest.auth.Operators;
import io.micronaut.http.HttpRequest;
import dev.refunds.application.shared.Page;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.rest.Fields;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.SuccessEnvelope;
import io.micronaut.core.annotation.Nullable;
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

import java.util.Optional;

/** The review queue and its decisions, and the refund search across businesses. */
@Tag(name = "Admin")
@AdminApi
@Controller("/api/admin/refunds")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RefundReviewController {
    private final AdminQueriesUseCase queries;
    private final AdminActionsUseCase actions;
    private final IdempotentPosts posts;

    RefundReviewController(AdminQueriesUseCase queries, AdminActionsUseCase actions, IdempotentPosts posts) {
        this.queries = queries;
        this.actions = actions;
        this.posts = posts;
    }

    /**
     * Every business's refunds matching the filters, newest first; {@code status=PENDING_REVIEW} is the review
     * queue, oldest first. Without any filter this is the review queue, as it always was.
     */
    @Operation(operationId = "searchRefunds", summary = "Search refunds across businesses (the review queue)")
    @ApiResponse(responseCode = "200", description = "A page of refunds",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.AdminRefundPageResponse.class)))
    @PagedList
    @Get
    HttpResponse<?> search(@QueryValue Optional<String> status, @QueryValue Optional<String> businessId,
                           @QueryValue Optional<String> paymentId, @QueryValue Optional<String> refundId,
                           @QueryValue Optional<String> merchantRef, @QueryValue Optional<String> createdFrom,
                           @QueryValue Optional<String> createdTo,
                               @Parameter(description = "Page size, 1-100 (default 20)",
                                       schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
                               @QueryValue Optional<String> limit,
                           @QueryValue Optional<String> startingAfter) {
        boolean anyFilter = businessId.isPresent() || paymentId.isPresent() || refundId.isPresent()
                || merchantRef.isPresent() || createdFrom.isPresent() || createdTo.isPresent();
        Optional<RefundStatus> wanted = Fields.optionalEnum(status.orElse(null), "status", RefundStatus.class)
                .or(() -> anyFilter ? Optional.empty() : Optional.of(RefundStatus.PENDING_REVIEW));
        RefundSearch search = new RefundSearch(wanted, QueryFilters.id(businessId, "businessId").map(BusinessId::new),
                QueryFilters.id(paymentId, "paymentId").map(PaymentId::new),
                QueryFilters.id(refundId, "refundId").map(RefundId::new), QueryFilters.text(merchantRef, "merchantRef"),
                QueryFilters.instant(createdFrom, "createdFrom"), QueryFilters.instant(createdTo, "createdTo"));
        Page<Refund> page = queries.searchRefunds(search, Paging.of(limit, startingAfter));
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(page, AdminRefundView::of)));
    }

    @Operation(operationId = "approveRefund", summary = "Approve a refund in review",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The refund, INITIATED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.AdminRefundResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @Post("/{refundId}/approve")
    HttpResponse<?> approve(HttpRequest<?> request, @PathVariable String refundId) {
        Actor actor = Operators.actor(request);
        return posts.run(request, AdminScope.NAME, null,
                () -> answer(actions.approve(actor, new RefundId(refundId))));
    }

    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = ReasonBody.class)))
    @Operation(operationId = "rejectRefund", summary = "Reject a refund in review",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The refund, REJECTED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.AdminRefundResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @JsonBodyAnswers
    @Post("/{refundId}/reject")
    HttpResponse<?> reject(HttpRequest<?> request, @PathVariable String refundId, @Nullable @Body byte[] json) {
        ReasonBody body = ReasonBody.from(JsonBody.parseOrEmpty(json));
        Actor actor = Operators.actor(request);
        return posts.run(request, AdminScope.NAME, body, () -> {
            Optional<String> reason = Fields.optional(body.reason(), "reason",
                    Refund.REASON_LENGTH_MAX).filter(text -> !text.isBlank());
            return answer(actions.reject(actor, new RefundId(refundId), reason));
        });
    }

    private static HttpResponse<?> answer(Decision<RefundChange> decision) {
        return DecisionAnswers.of(decision, HttpStatus.OK, change -> AdminRefundView.of(change.refund()));
    }
}
