package dev.refunds.bootstrap.bench;

import dev.refunds.bootstrap.support.process.ServiceProcess;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The refund export's memory and speed: seeds {@code --rows} refunds (default 1,000,000) into an embedded H2
 * database, starts the service jar on it with a small heap ({@code --heap}, default 128m), exports a window of
 * 10,000 rows and then all of them over HTTP, and prints time to first byte, total time, rows and the service's
 * peak used heap (jstat) for each. A flat heap shows as the same peak for both exports; an export that held its
 * rows would not fit the heap at all. Run by {@code scripts/export-benchmark.sh}.
 */
public final class ExportBenchmark {
    private static final String ADMIN_TOKEN = "bench-admin-token";
    private static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "bootstrap/target/refunds-service.jar"));
        int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        String heap = options.getOrDefault("heap", "128m");
        int port = Integer.parseInt(options.getOrDefault("port", "18490"));
        // --data=<folder of an earlier run>: its database is seeded already (seeding takes minutes)
        boolean reuse = options.containsKey("data");
        Path work = reuse ? Path.of(options.get("data")) : Files.createTempDirectory("refunds-export-bench-");
        String url = "jdbc:h2:file:" + work.resolve("data/refunds") + H2_OPTIONS;
        Map<String, String> settings = Map.of("REFUNDS_DB_URL", url, "REFUNDS_DB_USER", "sa",
                "REFUNDS_DB_PASSWORD", "", "REFUNDS_ADMIN_TOKEN", ADMIN_TOKEN,
                "REFUNDS_SETTLEMENT_ENABLED", "false", "REFUNDS_RECONCILIATION_ENABLED", "false",
                "REFUNDS_WEBHOOKS_ENABLED", "false",
                // a database seeded by an older build may miss a migration numbered below its newest
                "FLYWAY_DATASOURCES_DEFAULT_OUT_OF_ORDER", "true");
        if (!reuse) {
            try (ServiceProcess migrate = ServiceProcess.start(jar, work, port, settings, List.of())) {
                migrate.check();   // the schema is in place once /health answers
            }
            long seedStarted = System.nanoTime();
            seed(url, rows);
            System.out.printf(Locale.ROOT, "seeded %,d refunds in %.1f s%n", rows, seconds(seedStarted));
        }
        try (ServiceProcess service = ServiceProcess.start(jar, work, port, settings,
                List.of("-Xmx" + heap, "-XX:+UseG1GC"));
             HeapSampler heapSampler = new HeapSampler(service.pid())) {
            Thread.sleep(5_000);
            System.out.printf(Locale.ROOT, "service heap -Xmx%s; used heap idle: %.1f MiB%n", heap,
                    heapSampler.lastMiB());
            export(service, heapSampler, BASE, BASE.plusMillis(10_000), 10_000);
            export(service, heapSampler, BASE, BASE.plusMillis(rows), rows);
            service.check();
            System.out.printf(Locale.ROOT, "service peak RSS: %.0f MiB%n", service.peakRssMiB());
        }
    }

    private static void export(ServiceProcess service, HeapSampler heap, Instant from, Instant to, int expected)
            throws IOException, InterruptedException {
        System.gc();
        heap.resetPeak();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/api/admin/reports/refunds.csv?from=" + from + "&to=" + to))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).timeout(Duration.ofMinutes(30)).build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        double firstByteSeconds = seconds(started);
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double totalSeconds = seconds(started);
        if (response.statusCode() != 200 || lines - 1 != expected) {
            throw new IllegalStateException("export answered " + response.statusCode() + " with " + (lines - 1)
                    + " rows, expected " + expected);
        }
        System.out.printf(Locale.ROOT, "export of %,d rows: %.1f MiB, first byte after %.3f s, all in %.1f s"
                        + " (%,.0f rows/s); service used heap peak %.1f MiB, old generation peak %.1f MiB%n",
                expected, bytes / 1048576.0, firstByteSeconds, totalSeconds, expected / totalSeconds, heap.peakMiB(),
                heap.peakOldMiB());
    }

    /** One payment, then {@code rows} COMPLETED refunds of it, created 1 ms apart from {@link #BASE}. */
    private static void seed(String url, int rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement payment = connection.prepareStatement("INSERT INTO payments (payment_id, pay_id,"
                    + " business_id, amount_minor, currency, payment_type, status, refunded_minor, reserved_minor,"
                    + " counting_refunds, created_at_ms, completed_at_ms) VALUES ('PAY_BENCH', 100000000001,"
                    + " 'HB_BENCH', 9000000000000, 'BDT', 'LINK', 'COMPLETED', 0, 0, 0, 0, 0)")) {
                payment.executeUpdate();
            }
            // One statement over H2's number series: row by row, a million inserts take minutes.
            try (PreparedStatement refund = connection.prepareStatement("INSERT INTO refunds (refund_id,"
                    + " payment_id, business_id, amount_minor, currency, status, reason, initiated_at_ms,"
                    + " updated_at_ms, completed_at_ms, processor_reference, acquirer_reference)"
                    + " SELECT CONCAT('REF_BENCH_', LPAD(CAST(X AS VARCHAR), 8, '0')), 'PAY_BENCH', 'HB_BENCH',"
                    + " 100 + MOD(X, 10000), 'BDT', 'COMPLETED', CONCAT('customer returned item ', X,"
                    + " ', said \"damaged\"'), ? + X, ? + X + 500, ? + X + 500, CONCAT('sbx_', X),"
                    + " LPAD(CAST(X AS VARCHAR), 23, '0') FROM SYSTEM_RANGE(0, ?)")) {
                long baseMs = BASE.toEpochMilli();
                refund.setLong(1, baseMs);
                refund.setLong(2, baseMs);
                refund.setLong(3, baseMs);
                refund.setLong(4, rows - 1L);
                refund.executeUpdate();
                connection.commit();
            }
        }
    }

    /** {@code --name=value} arguments. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
