package dev.refunds.rest.report;

import dev.refunds.application.report.RefundReportsUseCase;
import dev.refunds.domain.business.Business;
import dev.refunds.rest.auth.Merchants;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/** {@code GET /api/v1/reports/refunds.csv?from=&to=}: the business's own refunds created in {@code [from, to)}. */
@Controller("/api/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MerchantReportsController {
    private final RefundReportsUseCase reports;

    MerchantReportsController(RefundReportsUseCase reports) {
        this.reports = reports;
    }

    @Get(value = "/refunds.csv", produces = {CsvAnswers.CSV, MediaType.APPLICATION_JSON})
    HttpResponse<?> refunds(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                            @QueryValue Optional<String> from, @QueryValue Optional<String> to) {
        return CsvAnswers.export(() -> reports.export(Optional.of(merchant.id()), ReportQuery.window(from, to)));
    }
}
