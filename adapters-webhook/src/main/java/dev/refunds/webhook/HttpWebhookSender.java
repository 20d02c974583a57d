package dev.refunds.webhook;

import dev.refunds.application.webhook.WebhookSender;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a delivery with the Standard Webhooks headers on Apache HttpClient 5, whose only resolver is
 * {@link CheckedDnsResolver}: the connection goes to an address that was checked for that connection, and TLS
 * (the client's default strategy) still verifies the certificate against the URL's host name. Connect and
 * request timeouts bound every attempt (5 s and 15 s by default, the whole exchange included); redirects are not
 * followed; the answer's body is read and dropped. Errors are short phrases, never exception traces.
 */
@Singleton
final class HttpWebhookSender implements WebhookSender {
    static final String USER_AGENT = "refunds-webhooks/1";
    static final String TARGET_REFUSED = "target refused (resolves to an internal address)";
    /** As the body is: UTF-8 JSON, named without a charset parameter (JSON has none). */
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient client;
    private final Duration requestTimeout;

    @Inject
    HttpWebhookSender(@Value("${refunds.webhooks.connect-timeout:5s}") Duration connectTimeout,
                      @Value("${refunds.webhooks.request-timeout:15s}") Duration requestTimeout,
                      @Value("${refunds.webhooks.allow-private-targets:false}") boolean allowPrivate) {
        this(connectTimeout, requestTimeout, new CheckedDnsResolver(allowPrivate, InetAddress::getAllByName));
    }

    HttpWebhookSender(Duration connectTimeout, Duration requestTimeout, CheckedDnsResolver resolver) {
        this.requestTimeout = requestTimeout;
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setMaxConnTotal(512).setMaxConnPerRoute(64)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(requestTimeout)).build())
                        .build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().setUserAgent(USER_AGENT)
                .build();
        this.client.start();
    }

    @PreDestroy
    void close() {
        client.close(CloseMode.GRACEFUL);
    }

    @Override
    public Result send(Message message) {
        long timestamp = message.timestamp().getEpochSecond();
        SimpleHttpRequest request;
        try {
            request = SimpleRequestBuilder.post(URI.create(message.url()))
                    .setBody(message.payload().getBytes(StandardCharsets.UTF_8), JSON)
                    .addHeader("webhook-id", message.webhookId())
                    .addHeader("webhook-timestamp", Long.toString(timestamp))
                    .addHeader("webhook-signature", signatures(message, timestamp))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            return Result.failed("invalid url", 0);
        }
        long started = System.nanoTime();
        Future<org.apache.hc.core5.http.Message<HttpResponse, Void>> response = client.execute(SimpleRequestProducer.create(request),
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()), null);
        try {
            HttpResponse answer = response.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS).getHead();
            Optional<String> retryAfter = Optional.ofNullable(answer.getFirstHeader("Retry-After"))
                    .map(Header::getValue);
            return Result.answered(answer.getCode(), elapsedMs(started),
                    RetryAfter.of(answer.getCode(), retryAfter, Clock.systemUTC()));
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
        if (error instanceof CheckedDnsResolver.InternalAddressException) {
            return TARGET_REFUSED;
        }
        if (error instanceof ConnectTimeoutException) {
            return "connect timeout";
        }
        if (error instanceof SocketTimeoutException) {
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
