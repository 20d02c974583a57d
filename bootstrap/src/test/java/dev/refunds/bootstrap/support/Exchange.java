package dev.refunds.bootstrap.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How a test's request reaches the service ({@link #send}, over {@code java.net.http}) and the one place every
 * answer a test reads passes through ({@link #received}), whichever client sent the request: {@link Api} and
 * {@link RawHttp} both end here. A check that every answer must pass belongs in {@link #received}.
 */
public final class Exchange {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Exchange() {
    }

    /** One request; an I/O failure (or an interrupt) comes through as an {@link IOException}: no answer. */
    static ApiResponse send(URI base, Duration timeout, String method, String path,
                            HttpRequest.BodyPublisher body, String contentType, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return received(base, method, path, response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * An answer to {@code method path} as the tests see it: status, headers, body and the body as JSON, once
     * {@link OpenApiContract} found it described by the document {@code base} serves.
     */
    public static ApiResponse received(URI base, String method, String path, int status, HttpHeaders headers,
                                       String body) {
        OpenApiContract.check(base, method, path, status, headers.map(), body);
        return new ApiResponse(status, headers, body, Api.parse(body));
    }
}
