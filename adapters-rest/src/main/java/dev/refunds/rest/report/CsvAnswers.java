package dev.refunds.rest.report;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.report.RefundReports;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

import java.util.Iterator;
import java.util.function.Supplier;

/** A CSV export answer: the streamed file, or, for bad input found before the first row, the JSON error envelope. */
final class CsvAnswers {
    static final String CSV = "text/csv";
    private static final MediaType CSV_UTF8 = MediaType.of("text/csv; charset=utf-8");

    private CsvAnswers() {
    }

    /**
     * The first page is read before the answer starts, so a database that is away is still a 503 envelope rather
     * than a cut-off file.
     */
    static HttpResponse<?> export(Supplier<Iterator<RefundReports.Line>> lines) {
        Iterator<RefundReports.Line> rows;
        try {
            rows = lines.get();
        } catch (InvalidInputException e) {
            // The route also produces CSV: the envelope must say it is JSON.
            return Errors.invalid(e.field(), e.getMessage()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        rows.hasNext();
        return HttpResponse.ok(new StreamedFile(new CsvStream(rows), CSV_UTF8).attach("refunds.csv"));
    }
}
