package dev.refunds.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for the service: raw bodies in, status + envelope out, no exceptions on 4xx/5xx. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    /** A client for a service running elsewhere (the jar in its own process, say). */
    public static Api at(URI base) {
        return new Api(base);
    }

    public ApiResponse get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /** POST with a JSON body ({@code null} for none). */
    public ApiResponse post(String path, String jsonBody, String... headers) {
        return send("POST", path, jsonBody, jsonBody == null ? null : "application/json", headers);
    }

    public ApiResponse send(String method, String path, String body, String contentType, String... headers) {
        try {
            return exchange(CLIENT, base, TIMEOUT, method, path,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    /**
     * One request on {@code client}; an I/O failure (or an interrupt) comes through as an {@link IOException}, for
     * callers that must tell "no answer" apart from every answer.
     */
    public static ApiResponse exchange(HttpClient client, URI base, Duration timeout, String method, String path,
                                       byte[] body, String contentType, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(base, method, path, response.statusCode(), response.headers().map(), response.body());
            return new ApiResponse(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Creates a business through the admin API. */
    public Merchant createBusiness(String reviewMode, String refundMode, String reviewAbove) {
        String body = json(reviewAbove == null
                ? Map.of("name", "Test shop", "reviewMode", reviewMode, "refundMode", refundMode)
                : Map.of("name", "Test shop", "reviewMode", reviewMode, "refundMode", refundMode,
                "reviewAbove", reviewAbove));
        ApiResponse created = post("/api/admin/businesses", body, admin());
        if (created.status() != 201) {
            throw new IllegalStateException("business not created: " + created);
        }
        return new Merchant(created.text("clientId"), created.text("businessId"), created.text("apiKey"));
    }

    /** Creates a payment and, if {@code complete}, marks it paid; returns its data. */
    public JsonNode payment(Merchant merchant, String amount, String currency, String type, boolean complete) {
        ApiResponse created = post("/api/v1/payments", json(Map.of("amount", amount, "currency", currency,
                "type", type)), merchant.headers());
        if (created.status() != 201) {
            throw new IllegalStateException("payment not created: " + created);
        }
        if (!complete) {
            return created.data();
        }
        ApiResponse completed = post("/api/v1/payments/" + created.text("paymentId") + "/complete", null,
                merchant.headers());
        if (completed.status() != 200) {
            throw new IllegalStateException("payment not completed: " + completed);
        }
        return completed.data();
    }

    public static String[] admin() {
        return new String[] {"Authorization", "Bearer " + RunningService.ADMIN_TOKEN};
    }

    /** Headers joined: {@code with(merchant.headers(), "X-Idempotency-Key", "k1")}. */
    public static String[] with(String[] headers, String... more) {
        List<String> all = new ArrayList<>(List.of(headers));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    public static JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
