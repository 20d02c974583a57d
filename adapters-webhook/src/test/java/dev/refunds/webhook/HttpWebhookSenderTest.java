package dev.refunds.webhook;

import com.sun.net.httpserver.HttpServer;
import com.svix.Webhook;
import dev.refunds.application.webhook.WebhookSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender against a real local HTTP server: headers, signature, and what counts as success. */
class HttpWebhookSenderTest {
    private static final String SECRET = new RandomWebhookIds().newSecret();
    private static final String BODY = "{\"type\":\"refund.created\",\"data\":{\"refund\":{\"reason\":\"naïve\"}}}";

    private final HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(2), Duration.ofMillis(500),
            new CheckedDnsResolver(true, InetAddress::getAllByName));
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private HttpServer server;

    record Received(Map<String, List<String>> headers, String body) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        sender.close();
    }

    @Test
    void a_2xx_answer_is_success_and_the_request_carries_a_standard_webhooks_signature() throws Exception {
        String url = serve(204, Duration.ZERO);
        Instant at = Instant.now();

        WebhookSender.Result result = sender.send(new WebhookSender.Message(url, "evt_A1", at, BODY, SECRET));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.statusCode()).contains(204);
        assertThat(result.error()).isEmpty();
        Received request = received.get("/hook");
        assertThat(request.body()).isEqualTo(BODY);
        assertThat(request.headers().get("Content-type")).containsExactly("application/json");
        assertThat(request.headers().get("Webhook-id")).containsExactly("evt_A1");
        assertThat(request.headers().get("Webhook-timestamp")).containsExactly(Long.toString(at.getEpochSecond()));
        new Webhook(SECRET).verify(request.body(), Map.of(
                "webhook-id", request.headers().get("Webhook-id"),
                "webhook-timestamp", request.headers().get("Webhook-timestamp"),
                "webhook-signature", request.headers().get("Webhook-signature")));
    }

    @Test
    void a_5xx_answer_is_a_failure_with_its_status_and_no_error_text() throws Exception {
        String url = serve(503, Duration.ZERO);

        WebhookSender.Result result = sender.send(new WebhookSender.Message(url, "evt_A2", Instant.now(), BODY,
                SECRET));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.statusCode()).contains(503);
        assertThat(result.error()).isEmpty();
    }

    @Test
    void a_redirect_is_not_followed_and_counts_as_a_failure() throws Exception {
        String url = serve(302, Duration.ZERO);

        WebhookSender.Result result = sender.send(new WebhookSender.Message(url, "evt_A3", Instant.now(), BODY,
                SECRET));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.statusCode()).contains(302);
        assertThat(received).hasSize(1);
    }

    @Test
    void an_endpoint_slower_than_the_request_timeout_is_a_timeout() throws Exception {
        String url = serve(200, Duration.ofSeconds(3));
        long started = System.nanoTime();

        WebhookSender.Result result = sender.send(new WebhookSender.Message(url, "evt_A4", Instant.now(), BODY,
                SECRET));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.statusCode()).isEmpty();
        assertThat(result.error()).hasValueSatisfying(error -> assertThat(error).startsWith("timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_refused_connection_is_a_short_error_without_a_stack_trace() throws Exception {
        String url = serve(200, Duration.ZERO);
        server.stop(0);
        server = null;

        WebhookSender.Result result = sender.send(new WebhookSender.Message(url, "evt_A5", Instant.now(), BODY,
                SECRET));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains("connection refused");
    }

    private String serve(int status, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.put(exchange.getRequestURI().getPath(), new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }
}
