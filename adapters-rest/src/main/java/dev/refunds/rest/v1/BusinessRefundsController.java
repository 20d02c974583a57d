package dev.refunds.rest.v1;

import dev.refunds.rest.schema.V1Responses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.MerchantApi;
import io.swagger.v3.oas.annotations.Operation;
import dev.refunds.rest.doc.PagedList;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.application.InvalidInputException;
import dev.refunds.application.refund.FindRefundsUseCase;
import dev.refunds.application.refund.RefundFilter;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.rest.Fields;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
import dev.refunds.rest.PathIds;
import dev.refunds.rest.QueryInstants;
import dev.refunds.rest.SuccessEnvelope;
import dev.refunds.rest.auth.Merchants;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/** {@code GET /api/v1/refunds}: the business's refunds, newest first, in cursor pages, optionally filtered. */
@Tag(name = "Refunds")
@MerchantApi
@Controller("/api/v1/refunds")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BusinessRefundsController {
    private final FindRefundsUseCase find;

    BusinessRefundsController(FindRefundsUseCase find) {
        this.find = find;
    }

    /** Filters combine; {@code createdFrom} is inclusive, {@code createdTo} exclusive (ISO-8601 instants). */
    @Operation(operationId = "listRefunds", summary = "List the business's refunds, newest first")
    @ApiResponse(responseCode = "200", description = "A page of refunds",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = V1Responses.RefundPageResponse.class)))
    @PagedList
    @Get
    HttpResponse<?> list(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                         @QueryValue Optional<String> status,
                             @Parameter(description = "Page size, 1-100 (default 20)",
                                     schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100"))
                             @QueryValue Optional<String> limit,
                         @QueryValue Optional<String> startingAfter, @QueryValue Optional<String> paymentId,
                         @QueryValue Optional<String> merchantRef, @QueryValue Optional<String> createdFrom,
                         @QueryValue Optional<String> createdTo) {
        Optional<RefundStatus> wanted = Fields.optionalEnum(status.orElse(null), "status", RefundStatus.class);
        RefundFilter filter = new RefundFilter(wanted, paymentId.map(BusinessRefundsController::paymentIdOf),
                Fields.optional(merchantRef.orElse(null), "merchantRef", Refund.MERCHANT_REF_LENGTH_MAX),
                QueryInstants.optional(createdFrom, "createdFrom"), QueryInstants.optional(createdTo, "createdTo"));
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(
                find.list(merchant.id(), filter, Paging.of(limit, startingAfter)), RefundView::of)));
    }

    private static PaymentId paymentIdOf(String value) {
        if (!PathIds.wellFormed(value)) {
            throw new InvalidInputException("paymentId", "paymentId must be a payment's id");
        }
        return new PaymentId(value);
    }
}
