package dev.refunds.bootstrap.jar;

import dev.refunds.bootstrap.support.RunningService;

import dev.refunds.client.ApiClient;
import dev.refunds.client.ApiException;
import dev.refunds.client.JSON;
import dev.refunds.client.model.BusinessCreatedView;
import dev.refunds.client.model.ErrorEnvelope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The Java client openapi-generator makes from the built document (target/generated-test-sources/openapi-java,
 * never committed), pointed at a running jar. The {@code native} library has no authentication of its own: the
 * credentials the document's security schemes name go on every request through its request interceptor.
 */
final class GeneratedClients {
    private static final Duration POLL_EVERY = Duration.ofMillis(100);

    private GeneratedClients() {
    }

    static ApiClient admin(URI service) {
        return client(service).setRequestInterceptor(request -> request.header("Authorization",
                "Bearer " + RunningService.ADMIN_TOKEN));
    }

    static ApiClient merchant(URI service, BusinessCreatedView business) {
        return client(service).setRequestInterceptor(request -> request.header("Client-Id", business.getClientId())
                .header("Business-Id", business.getBusinessId()).header("X-Api-Key", business.getApiKey()));
    }

    /** The error envelope of a refused call, read with the client's own model. */
    static ErrorEnvelope error(ApiException refused) {
        try {
            return new JSON().getMapper().readValue(refused.getResponseBody(), ErrorEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an error envelope: " + refused.getResponseBody(), e);
        }
    }

    /** Calls {@code read} until its answer passes {@code until}; the last answer if none did within {@code max}. */
    static <T> T await(Call<T> read, Predicate<T> until, Duration max) throws ApiException {
        long deadline = System.nanoTime() + max.toNanos();
        T answer = read.call();
        while (!until.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = read.call();
        }
        return answer;
    }

    private static ApiClient client(URI service) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString());
        return client.setReadTimeout(Duration.ofSeconds(30));
    }

    @FunctionalInterface
    interface Call<T> {
        T call() throws ApiException;
    }
}
