package dev.refunds.rest.admin;

import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import dev.refunds.rest.JsonBody;
import io.micronaut.http.HttpRequest;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.application.refund.FindRefundsUseCase;
import dev.refunds.application.refund.ReviewRefundUseCase;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.rest.Fields;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.RefundAnswers;
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

/** The review queue and its decisions. */
@Controller("/api/admin/refunds")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RefundReviewController {
    private final FindRefundsUseCase find;
    private final ReviewRefundUseCase review;
    private final IdempotentPosts posts;

    RefundReviewController(FindRefundsUseCase find, ReviewRefundUseCase review, IdempotentPosts posts) {
        this.find = find;
        this.review = review;
        this.posts = posts;
    }

    /** Every business's refunds in one status (default {@code PENDING_REVIEW}), oldest first. */
    @Get
    HttpResponse<?> queue(@QueryValue Optional<String> status, @QueryValue Optional<String> limit,
                          @QueryValue Optional<String> startingAfter) {
        RefundStatus wanted = Fields.optionalEnum(status.orElse(null), "status", RefundStatus.class)
                .orElse(RefundStatus.PENDING_REVIEW);
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(
                find.listAll(wanted, Paging.of(limit, startingAfter)), RefundView::of)));
    }

    @Parameter(in = ParameterIn.HEADER, name = IdempotentPosts.KEY_HEADER, description = IdempotentPosts.KEY_DOC)
    @Post("/{refundId}/approve")
    HttpResponse<?> approve(HttpRequest<?> request, @PathVariable String refundId) {
        return posts.run(request, AdminScope.NAME, null,
                () -> RefundAnswers.of(review.approve(new RefundId(refundId)), HttpStatus.OK));
    }

    @Parameter(in = ParameterIn.HEADER, name = IdempotentPosts.KEY_HEADER, description = IdempotentPosts.KEY_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReasonBody.class)))
    @Post("/{refundId}/reject")
    HttpResponse<?> reject(HttpRequest<?> request, @PathVariable String refundId, @Nullable @Body byte[] json) {
        ReasonBody body = ReasonBody.from(JsonBody.parseOrEmpty(json));
        return posts.run(request, AdminScope.NAME, body, () -> {
            Optional<String> reason = Fields.optional(body.reason(), "reason",
                    Refund.REASON_LENGTH_MAX).filter(text -> !text.isBlank());
            return RefundAnswers.of(review.reject(new RefundId(refundId), reason), HttpStatus.OK);
        });
    }
}
