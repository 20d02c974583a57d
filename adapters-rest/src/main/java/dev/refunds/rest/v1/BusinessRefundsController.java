package dev.refunds.rest.v1;

import dev.refunds.application.refund.FindRefundsUseCase;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.rest.Fields;
import dev.refunds.rest.ListView;
import dev.refunds.rest.Paging;
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

/** {@code GET /api/v1/refunds}: all the business's refunds, newest first, in cursor pages. */
@Controller("/api/v1/refunds")
@ExecuteOn(TaskExecutors.BLOCKING)
final class BusinessRefundsController {
    private final FindRefundsUseCase find;

    BusinessRefundsController(FindRefundsUseCase find) {
        this.find = find;
    }

    @Get
    HttpResponse<?> list(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                         @QueryValue Optional<String> status, @QueryValue Optional<String> limit,
                         @QueryValue Optional<String> startingAfter) {
        Optional<RefundStatus> wanted = Fields.optionalEnum(status.orElse(null), "status", RefundStatus.class);
        return HttpResponse.ok(SuccessEnvelope.of(ListView.of(
                find.list(merchant.id(), wanted, Paging.of(limit, startingAfter)), RefundView::of)));
    }
}
