package dev.refunds.rest.report;

import dev.refunds.application.report.RefundReports;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The export as an input stream the server reads as fast as the client takes it: rows are rendered into a small
 * buffer only when the previous ones were sent, and the rows come from the books page by page, so memory stays
 * the same whether the export has ten rows or ten million.
 */
final class CsvStream extends InputStream {
    /** Rendered bytes held at once (a row is at most a few kilobytes: reason 500 chars, ids, times). */
    private static final int CHUNK_BYTES = 64 * 1024;

    private final Iterator<RefundReports.Line> lines;
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 8 * 1024);
    private final CSVPrinter printer;
    private byte[] buffer = new byte[0];
    private int position;

    CsvStream(Iterator<RefundReports.Line> lines) {
        this.lines = lines;
        try {
            this.printer = new CSVPrinter(new OutputStreamWriter(chunk, StandardCharsets.UTF_8), RefundCsv.FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RefundCsv.printHeader(printer);
        flush();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == buffer.length && !refill()) {
            return -1;
        }
        int count = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    /** Renders the next rows (the first time, after the header already waiting); false at the end. */
    private boolean refill() {
        while (chunk.size() < CHUNK_BYTES && lines.hasNext()) {
            RefundCsv.print(printer, lines.next());
            flush();
        }
        buffer = chunk.toByteArray();
        chunk.reset();
        position = 0;
        return buffer.length > 0;
    }

    private void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
