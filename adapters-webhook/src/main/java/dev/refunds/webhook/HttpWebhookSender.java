package dev.refunds.webhook;

import dev.refunds.application.port.WebhookSender;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a delivery with the Standard Webhooks headers. Connect and request timeouts bound every attempt (5 s and
 * 15 s by default, the whole exchange included); redirects are not followed, so a public URL cannot bounce a
 * delivery to an internal address. Errors are short phrases, never exception traces.
 */
@Singleton
final class HttpWebhookSender implements WebhookSender {
    static final String USER_AGENT = "refunds-webhooks/1";

    private final HttpClient client;
    private final Duration requestTimeout;

    @Inject
    HttpWebhookSender(@Value("${refunds.webhooks.connect-timeout:5s}") Duration connectTimeout,
                      @Value("${refunds.webhooks.request-timeout:15s}") Duration requestTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Result send(Message message) {
        long timestamp = message.timestamp().getEpochSecond();
        byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(message.url())).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("webhook-id", message.webhookId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signatures(message, timestamp))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException badUrl) {
            return Result.failed("invalid url", 0);
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> answer = response.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return Result.answered(answer.statusCode(), elapsedMs(started), RetryAfter.of(answer.statusCode(),
                    answer.headers().firstValue("Retry-After"), Clock.systemUTC()));
        } catch (TimeoutException e) {
            response.cancel(true);
            return Result.failed("timeout after " + requestTimeout.toMillis() + " ms", elapsedMs(started));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return Result.failed("interrupted", elapsedMs(started));
        } catch (ExecutionException e) {
            return Result.failed(describe(e.getCause()), elapsedMs(started));
        }
    }

    /** The new secret's signature first, then the retiring one's during a rotation (space-separated). */
    static String signatures(Message message, long timestamp) {
        String current = StandardWebhookSigner.signature(message.secret(), message.webhookId(), timestamp,
                message.payload());
        return message.retiringSecret().map(old -> current + " " + StandardWebhookSigner.signature(old,
                message.webhookId(), timestamp, message.payload())).orElse(current);
    }

    /** A few words for the delivery log; the class name at most, never a message that might be long or leak. */
    static String describe(Throwable error) {
        if (error instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (error instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (error instanceof ConnectException) {
            return "connection refused";
        }
        if (error instanceof UnknownHostException) {
            return "host not found";
        }
        if (error instanceof SSLException) {
            return "TLS handshake failed";
        }
        if (error instanceof IOException) {
            return "network error (" + error.getClass().getSimpleName() + ")";
        }
        return "send failed (" + (error == null ? "unknown" : error.getClass().getSimpleName()) + ")";
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
