package dev.refunds.rest.report;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import dev.refunds.rest.doc.AdminApi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.rest.doc.ValidationAnswer;
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
@Tag(name = "Reports")
@AdminApi
@Controller("/api/admin/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminReportsController {
    private final RefundReportsUseCase reports;

    AdminReportsController(RefundReportsUseCase reports) {
        this.reports = reports;
    }

    @Operation(operationId = "exportAllRefundsCsv", summary = "Export refunds of a window as CSV")
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, one row per refund")
    @ValidationAnswer
    @Get(value = "/refunds.csv", produces = {CsvAnswers.CSV, MediaType.APPLICATION_JSON})
    HttpResponse<?> refunds(@QueryValue Optional<String> from, @QueryValue Optional<String> to,
                            @QueryValue Optional<String> businessId) {
        return CsvAnswers.export(() -> reports.export(ReportQuery.business(businessId),
                ReportQuery.window(from, to)));
    }

    /** {@code {items: [{businessId, currency, requested, completed, failed, reversed, inFlight}], hasMore: false}}. */
    @Operation(operationId = "getBalances", summary = "Balances per business and currency")
    @ApiResponse(responseCode = "200", description = "The balances",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = BalanceListResponse.class)))
    @ValidationAnswer
    @Get("/balances")
    HttpResponse<?> balances(@QueryValue Optional<String> from, @QueryValue Optional<String> to,
                             @QueryValue Optional<String> businessId) {
        ReportWindow window = ReportQuery.window(from, to);
        return HttpResponse.ok(SuccessEnvelope.of(ListView.all(
                reports.balances(ReportQuery.business(businessId), window), BalanceView::of)));
    }
}
