package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.ApiResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An exported CSV read back the way a finance team's tool would: RFC 4180, header row first. */
record Csv(List<String> header, List<CSVRecord> rows) {
    static final List<String> HEADER = List.of("refund_id", "payment_id", "pay_id", "business_id", "currency",
            "amount", "status", "reason", "merchant_ref", "processor_reference", "acquirer_reference", "failure_code",
            "created_at", "completed_at", "reversed_at");

    static Csv of(ApiResponse response) {
        assertThat(response.status()).as("export answer %s", response.raw()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        try (CSVParser parser = CSVParser.parse(new StringReader(response.raw()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return new Csv(parser.getHeaderNames(), parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> column(String name) {
        return rows.stream().map(row -> row.get(name)).toList();
    }
}
