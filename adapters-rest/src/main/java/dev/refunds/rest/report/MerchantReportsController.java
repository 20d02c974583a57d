package dev.refunds.rest.report;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.refunds.rest.doc.MerchantApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.rest.doc.ValidationAnswer;
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
@Tag(name = "Reports")
@MerchantApi
@Controller("/api/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MerchantReportsController {
    private final RefundReportsUseCase reports;

    MerchantReportsController(RefundReportsUseCase reports) {
        this.reports = reports;
    }

    @Operation(operationId = "exportRefundsCsv", summary = "Export the business's refunds of a window as CSV")
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, one row per refund")
    @ValidationAnswer
    @Get(value = "/refunds.csv", produces = {CsvAnswers.CSV, MediaType.APPLICATION_JSON})
    HttpResponse<?> refunds(@RequestAttribute(Merchants.ATTRIBUTE) Business merchant,
                            @QueryValue Optional<String> from, @QueryValue Optional<String> to) {
        return CsvAnswers.export(() -> reports.export(Optional.of(merchant.id()), ReportQuery.window(from, to)));
    }
}
