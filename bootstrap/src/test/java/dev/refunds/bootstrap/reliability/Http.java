package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client for one service instance, in this JVM or another process. Unlike {@code Api} it lets an I/O failure
 * through as an {@link IOException}: against an instance that is being killed, "no answer" is an outcome the
 * tests must tell apart from every answer.
 */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    ApiResponse get(String path, String... headers) throws IOException {
        return send("GET", path, null, null, headers);
    }

    ApiResponse post(String path, String json, String... headers) throws IOException {
        return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                json == null ? null : "application/json", headers);
    }

    ApiResponse send(String method, String path, byte[] body, String contentType, String... headers)
            throws IOException {
        return Api.exchange(CLIENT, base, TIMEOUT, method, path, body, contentType, headers);
    }
}
