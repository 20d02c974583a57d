package dev.refunds.bootstrap.bench;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few calls of the HTTP API the benchmark makes to set itself up and to read results back, through the tests'
 * client ({@link Api}); only the measured load goes through {@link BenchHttp}.
 */
final class BenchApi {
    private static final Pattern REFUND_ITEM = Pattern.compile("\"refundId\":\"([^\"]+)\"[^{}]*?\"status\":\"([A-Z_]+)\""
            + "[^{}]*?\"initiatedAt\":\"([^\"]+)\",\"completedAt\":(?:null|\"([^\"]+)\")");

    private final int port;
    private final String adminToken;
    private final Api api;

    BenchApi(int port, String adminToken) {
        this.port = port;
        this.adminToken = adminToken;
        this.api = Api.at(URI.create("http://127.0.0.1:" + port));
    }

    record Merchant(String clientId, String businessId, String apiKey) {
        String[] headers(String... more) {
            String[] all = new String[6 + more.length];
            all[0] = "Client-Id";
            all[1] = clientId;
            all[2] = "Business-Id";
            all[3] = businessId;
            all[4] = "X-Api-Key";
            all[5] = apiKey;
            System.arraycopy(more, 0, all, 6, more.length);
            return all;
        }
    }

    /** One refund's times as the API shows them (epoch milliseconds). */
    record RefundTimes(String refundId, String status, long initiatedMs, Long completedMs) {
    }

    Merchant createBusiness(String name) throws IOException {
        String body = "{\"name\":\"" + name + "\",\"reviewMode\":\"AUTO\",\"refundMode\":\"MULTIPLE\"}";
        String answer = call("POST", "/api/admin/businesses", body, 201, "Authorization", "Bearer " + adminToken);
        return new Merchant(field(answer, "clientId"), field(answer, "businessId"), field(answer, "apiKey"));
    }

    /** Creates {@code count} payments and completes them, on a few connections at once. */
    List<String> createCompletedPayments(Merchant merchant, int count, String amount)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                created.add(pool.submit(() -> createCompletedPayment(merchant, amount, "bench-" + n)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get(60, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(ids);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the payments", e);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    String createCompletedPayment(Merchant merchant, String amount, String merchantRef) throws IOException {
        String created = call("POST", "/api/v1/payments", "{\"amount\":\"" + amount
                + "\",\"currency\":\"BDT\",\"merchantRef\":\"" + merchantRef + "\"}", 201, merchant.headers());
        String paymentId = field(created, "paymentId");
        call("POST", "/api/v1/payments/" + paymentId + "/complete", null, 200, merchant.headers());
        return paymentId;
    }

    /** 201 when webhooks exist (the endpoint is made), else the status the service answered (404 without them). */
    int createWebhookEndpoint(Merchant merchant, String url) throws IOException {
        return api.tryPost("/api/v1/webhook-endpoints", "{\"url\":\"" + url + "\"}", merchant.headers()).status();
    }

    /** The request bytes of one v1 refund of 1.00 BDT with its own idempotency key. */
    byte[] refundRequest(Merchant merchant, String paymentId, String idempotencyKey) {
        return BenchHttp.request("POST", "/api/v1/payments/" + paymentId + "/refunds", port,
                "{\"amount\":\"1.00\",\"reason\":\"benchmark refund\"}".getBytes(StandardCharsets.UTF_8),
                merchant.headers("X-Idempotency-Key", idempotencyKey));
    }

    /** The business's refunds initiated at or after {@code sinceMs}, newest first, read page by page. */
    List<RefundTimes> refundsSince(Merchant merchant, long sinceMs, int pagesMax) throws IOException {
        List<RefundTimes> found = new ArrayList<>();
        String after = null;
        for (int page = 0; page < pagesMax; page++) {
            String path = "/api/v1/refunds?limit=100" + (after == null ? "" : "&startingAfter=" + after);
            String text = call("GET", path, null, 200, merchant.headers());
            Matcher item = REFUND_ITEM.matcher(text);
            boolean older = false;
            while (item.find()) {
                long initiated = Instant.parse(item.group(3)).toEpochMilli();
                after = item.group(1);
                if (initiated < sinceMs) {
                    older = true;
                    continue;
                }
                found.add(new RefundTimes(item.group(1), item.group(2), initiated,
                        item.group(4) == null ? null : Instant.parse(item.group(4)).toEpochMilli()));
            }
            if (older || after == null || !text.contains("\"hasMore\":true")) {
                break;
            }
        }
        return found;
    }

    /** Whether the business has any refund in {@code status}. */
    boolean anyRefund(Merchant merchant, String status) throws IOException {
        return call("GET", "/api/v1/refunds?limit=1&status=" + status, null, 200, merchant.headers())
                .contains("\"refundId\"");
    }

    private String call(String method, String path, String body, int expected, String... headers)
            throws IOException {
        ApiResponse response = api.trySend(method, path, body, body == null ? null : "application/json", headers);
        if (response.status() != expected) {
            throw new IOException(method + " " + path + " answered " + response.status() + ": " + response.raw());
        }
        return response.raw();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
