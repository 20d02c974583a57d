package dev.refunds.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test HTTP client for the service, in this JVM or another process: raw bodies in, status + envelope out, no
 * exceptions on 4xx/5xx. {@code get}/{@code post}/{@code send} turn "no answer" into an unchecked exception; the
 * {@code try…} forms let it through as an {@link IOException}, for tests (against an instance being killed, say)
 * that must tell "no answer" apart from every answer. Every answer passes through {@link Exchange#received}.
 */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Duration timeout;

    Api(URI base) {
        this(base, TIMEOUT);
    }

    private Api(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /** A client for a service running elsewhere (the jar in its own process, say). */
    public static Api at(URI base) {
        return new Api(base);
    }

    /** The same client, waiting at most {@code timeout} for each answer. */
    public Api withTimeout(Duration timeout) {
        return new Api(base, timeout);
    }

    public URI base() {
        return base;
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
            return trySend(method, path, body, contentType, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    public ApiResponse tryGet(String path, String... headers) throws IOException {
        return trySend("GET", path, null, null, headers);
    }

    public ApiResponse tryPost(String path, String jsonBody, String... headers) throws IOException {
        return trySend("POST", path, jsonBody, jsonBody == null ? null : "application/json", headers);
    }

    public ApiResponse trySend(String method, String path, String body, String contentType, String... headers)
            throws IOException {
        return Exchange.send(base, timeout, method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), contentType, headers);
    }

    /** POST with a JSON body sent in chunks (no Content-Length: the server learns its size only by reading it). */
    public ApiResponse postChunked(String path, byte[] jsonBody, String... headers) throws IOException {
        return Exchange.send(base, timeout, "POST", path, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(jsonBody)), "application/json", headers);
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
