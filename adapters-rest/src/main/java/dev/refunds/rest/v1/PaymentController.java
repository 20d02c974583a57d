package dev.refunds.rest.v1;

import dev.refunds.rest.schema.V1Responses;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.ConflictAnswer;
import dev.refunds.rest.doc.IdempotentPost;
import dev.refunds.rest.doc.JsonBodyAnswers;
import dev.refunds.rest.doc.MerchantApi;
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
import dev.refunds.application.payment.ChangePaymentStatusUseCase;
import dev.refunds.application.payment.CreatePaymentUseCase;
import dev.refunds.application.payment.FindPaymentsUseCase;
import dev.refunds.application.view.PaymentView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.rest.DecisionAnswers;
import dev.refunds.rest.Fields;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

@Tag(name = "Payments")
@MerchantApi
@Controller("/api/v1/payments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PaymentController {
    private final CreatePaymentUseCase create;
    private final ChangePaymentStatusUseCase changeStatus;
    private final FindPaymentsUseCase find;
    private final IdempotentPosts posts;

    PaymentController(CreatePaymentUseCase create, ChangePaymentStatusUseCase changeStatus,
                      FindPaymentsUseCase find, IdempotentPosts posts) {
        this.create = create;
        this.changeStatus = changeStatus;
        this.find = find;
        this.posts = posts;
    }

    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreatePaymentBody.class)))
    @Operation(operationId = "createPayment", summary = "Create a payment",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "201", description = "The payment, PENDING",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.PaymentResponse.class)))
    @IdempotentPost
    @JsonBodyAnswers
    @Post
    HttpResponse<?> create(HttpRequest<?> request, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                           @Body byte[] json) {
        CreatePaymentBody body = CreatePaymentBody.from(JsonBody.parse(json));
        return posts.run(request, merchant.id().value(), body, () -> {
            Payment payment = create.handle(body.toCommand(merchant.id()));
            return HttpResponse.created(SuccessEnvelope.of(PaymentView.of(payment)));
        });
    }

    @Operation(operationId = "getPayment", summary = "Get a payment")
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.PaymentResponse.class)))
    @NotFoundAnswer
    @Get("/{paymentId}")
    HttpResponse<?> get(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant, @PathVariable String paymentId) {
        return find.get(merchant.id(), new PaymentId(paymentId))
                .<HttpResponse<?>>map(payment -> HttpResponse.ok(SuccessEnvelope.of(PaymentView.of(payment))))
                .orElseGet(() -> Errors.notFound("No payment " + paymentId));
    }

    @Operation(operationId = "listPayments", summary = "List payments, newest first")
    @ApiResponse(responseCode = "200", description = "A page of payments",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.PaymentPageResponse.class)))
    @PagedList
    @Get
    HttpResponse<?> list(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                         @QueryValue Optional<String> status,
                             @Parameter(description = "Page size, 1-100 (default 20)",
                                     schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
                             @QueryValue Optional<String> limit,
                         @QueryValue Optional<String> startingAfter) {
        Optional<PaymentStatus> wanted = Fields.optionalEnum(status.orElse(null), "status", PaymentStatus.class);
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(
                find.list(merchant.id(), wanted, Paging.of(limit, startingAfter)), PaymentView::of)));
    }

    @Operation(operationId = "completePayment", summary = "Complete a payment",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The payment, COMPLETED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.PaymentResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @ConflictAnswer
    @Post("/{paymentId}/complete")
    HttpResponse<?> complete(HttpRequest<?> request, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                             @PathVariable String paymentId) {
        return posts.run(request, merchant.id().value(), null,
                () -> DecisionAnswers.of(changeStatus.complete(merchant.id(), new PaymentId(paymentId)), HttpStatus.OK,
                        PaymentView::of));
    }

    @Operation(operationId = "cancelPayment", summary = "Cancel a payment",
            parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotentPost.HEADER,
                    description = IdempotentPost.DOC,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255)))
    @ApiResponse(responseCode = "200", description = "The payment, CANCELLED",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.PaymentResponse.class)))
    @IdempotentPost
    @NotFoundAnswer
    @ConflictAnswer
    @Post("/{paymentId}/cancel")
    HttpResponse<?> cancel(HttpRequest<?> request, @RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                           @PathVariable String paymentId) {
        return posts.run(request, merchant.id().value(), null,
                () -> DecisionAnswers.of(changeStatus.cancel(merchant.id(), new PaymentId(paymentId)), HttpStatus.OK,
                        PaymentView::of));
    }
}
