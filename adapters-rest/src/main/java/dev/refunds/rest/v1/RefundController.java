package dev.refunds.rest.v1;

import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import dev.refunds.rest.JsonBody;
import io.micronaut.http.HttpRequest;
import dev.refunds.rest.IdempotentPosts;
import dev.refunds.application.refund.CancelRefundUseCase;
import dev.refunds.application.refund.FindRefundsUseCase;
import dev.refunds.application.refund.RequestRefundUseCase;
import dev.refunds.application.settlement.SyncRefundUseCase;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.rest.ListView;
import dev.refunds.rest.RefundAnswers;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Merchants;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

@Controller("/api/v1/payments/{paymentId}/refunds")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RefundController {
    private final RequestRefundUseCase request;
    private final CancelRefundUseCase cancel;
    private final FindRefundsUseCase find;
    private final IdempotentPosts posts;
    private final SyncRefundUseCase sync;

    RefundController(RequestRefundUseCase request, CancelRefundUseCase cancel, FindRefundsUseCase find,
                     IdempotentPosts posts, SyncRefundUseCase sync) {
        this.request = request;
        this.cancel = cancel;
        this.find = find;
        this.posts = posts;
        this.sync = sync;
    }

    /** 202: the refund is queued, not settled; follow it by its status or by webhooks. */
    @Parameter(in = ParameterIn.HEADER, name = IdempotentPosts.KEY_HEADER, description = IdempotentPosts.KEY_DOC)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RequestRefundBody.class)))
    @Post
    HttpResponse<?> request(HttpRequest<?> http, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                            @PathVariable String paymentId, @Body byte[] json) {
        RequestRefundBody body = RequestRefundBody.from(JsonBody.parse(json));
        return posts.run(http, merchant.id().value(), body, () -> RefundAnswers.of(
                request.handle(body.toCommand(merchant, new PaymentId(paymentId))), HttpStatus.ACCEPTED));
    }

    @Get
    HttpResponse<?> list(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant, @PathVariable String paymentId) {
        return find.listForPayment(merchant.id(), new PaymentId(paymentId))
                .<HttpResponse<?>>map(refunds -> HttpResponse.ok(SuccessEnvelope.of(
                        ListView.all(refunds, RefundView::of))))
                .orElseGet(() -> Errors.notFound("No payment " + paymentId));
    }

    @Get("/{refundId}")
    HttpResponse<?> get(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant, @PathVariable String paymentId,
                        @PathVariable String refundId) {
        return find.get(merchant.id(), new PaymentId(paymentId), new RefundId(refundId))
                .<HttpResponse<?>>map(refund -> HttpResponse.ok(SuccessEnvelope.of(RefundView.of(refund))))
                .orElseGet(() -> Errors.notFound("No refund " + refundId + " of payment " + paymentId));
    }

    @Parameter(in = ParameterIn.HEADER, name = IdempotentPosts.KEY_HEADER, description = IdempotentPosts.KEY_DOC)
    @Post("/{refundId}/cancel")
    HttpResponse<?> cancel(HttpRequest<?> http, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                           @PathVariable String paymentId, @PathVariable String refundId) {
        return posts.run(http, merchant.id().value(), null, () -> RefundAnswers.of(
                cancel.cancel(merchant.id(), new PaymentId(paymentId), new RefundId(refundId)), HttpStatus.OK));
    }

    /** Asks the processor now and applies its answer; 409 unless the refund is PROCESSING or COMPLETED. */
    @Parameter(in = ParameterIn.HEADER, name = IdempotentPosts.KEY_HEADER, description = IdempotentPosts.KEY_DOC)
    @Post("/{refundId}/sync")
    HttpResponse<?> sync(HttpRequest<?> http, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                         @PathVariable String paymentId, @PathVariable String refundId) {
        return posts.run(http, merchant.id().value(), null, () -> RefundAnswers.of(
                sync.sync(merchant.id(), new PaymentId(paymentId), new RefundId(refundId)), HttpStatus.OK));
    }
}
