package dev.refunds.rest.report;

import dev.refunds.application.report.ReportWindow;
import dev.refunds.application.report.RefundReportsUseCase;
import dev.refunds.rest.ListView;
import dev.refunds.rest.SuccessEnvelope;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/** Every business's refund export, or one business's ({@code businessId}), and the balances of a window. */
@Controller("/api/admin/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminReportsController {
    private final RefundReportsUseCase reports;

    AdminReportsController(RefundReportsUseCase reports) {
        this.reports = reports;
    }

    @Get(value = "/refunds.csv", produces = {CsvAnswers.CSV, MediaType.APPLICATION_JSON})
    HttpResponse<?> refunds(@QueryValue Optional<String> from, @QueryValue Optional<String> to,
                            @QueryValue Optional<String> businessId) {
        return CsvAnswers.export(() -> reports.export(ReportQuery.business(businessId),
                ReportQuery.window(from, to)));
    }

    /** {@code {items: [{businessId, currency, requested, completed, failed, reversed, inFlight}], hasMore: false}}. */
    @Get("/balances")
    HttpResponse<?> balances(@QueryValue Optional<String> from, @QueryValue Optional<String> to,
                             @QueryValue Optional<String> businessId) {
        ReportWindow window = ReportQuery.window(from, to);
        return HttpResponse.ok(SuccessEnvelope.of(ListView.all(
                reports.balances(ReportQuery.business(businessId), window), BalanceView::of)));
    }
}
