package dev.refunds.rest.report;

import dev.refunds.application.report.RefundReports;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.Refund;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/** The columns of API.md's refund export, written as RFC 4180 by Commons CSV (quotes where a field needs them). */
final class RefundCsv {
    static final String[] HEADER = {"refund_id", "payment_id", "pay_id", "business_id", "currency", "amount",
        "status", "reason", "merchant_ref", "processor_reference", "acquirer_reference", "failure_code",
        "created_at", "completed_at", "reversed_at"};
    static final CSVFormat FORMAT = CSVFormat.RFC4180;   // CRLF line ends, quotes only where needed

    private RefundCsv() {
    }

    static void printHeader(CSVPrinter printer) {
        try {
            printer.printRecord((Object[]) HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One refund; a field the refund does not have (yet) is an empty column. */
    static void print(CSVPrinter printer, RefundReports.Line line) {
        Refund refund = line.refund();
        try {
            printer.printRecord(refund.id().value(), refund.paymentId().value(), line.payId(),
                    refund.businessId().value(), refund.amount().currency().getCurrencyCode(),
                    refund.amount().toPlainString(), refund.status().name(), refund.reason(),
                    refund.merchantRef().orElse(""), refund.processorReference().orElse(""),
                    refund.acquirerReference().orElse(""), refund.failureCode().map(FailureCode::wireName).orElse(""),
                    refund.initiatedAt().toString(), text(refund.completedAt()), text(refund.reversedAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse("");
    }
}
