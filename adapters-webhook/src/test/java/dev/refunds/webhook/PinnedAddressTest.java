package dev.refunds.webhook;

import com.sun.net.httpserver.HttpServer;
import dev.refunds.application.webhook.WebhookSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The address a delivery connects to is one that was checked: DNS rebinding gets no connection. */
class PinnedAddressTest {
    private static final String SECRET = new RandomWebhookIds().newSecret();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void a_name_that_answers_a_public_address_to_the_guard_and_loopback_next_cannot_reach_loopback()
            throws Exception {
        ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(loopback);
        AtomicInteger connections = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!loopback.isClosed()) {
                try (Socket ignored = loopback.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.start();
        AtomicInteger lookups = new AtomicInteger();
        ResolvingTargetGuard.Resolver rebinding = host -> lookups.incrementAndGet() == 1
                ? new InetAddress[] {InetAddress.getByName("93.184.216.34")}
                : new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        String url = "https://rebind.example.test:" + loopback.getLocalPort() + "/hook";
        HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(2),
                new CheckedDnsResolver(false, rebinding));
        open.add(sender::close);

        assertThat(new ResolvingTargetGuard(false, rebinding).refusal(url)).isEmpty();   // the public answer
        WebhookSender.Result result = sender.send(new WebhookSender.Message(url, "evt_P1", Instant.now(), "{}",
                SECRET));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains(HttpWebhookSender.TARGET_REFUSED);
        assertThat(lookups.get()).isEqualTo(2);
        Thread.sleep(200);
        assertThat(connections.get()).as("connections that reached loopback").isZero();
    }

    @Test
    void the_client_connects_to_what_its_resolver_answers_and_keeps_the_host_name_in_the_request()
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> hosts = new CopyOnWriteArrayList<>();
        server.createContext("/hook", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        ResolvingTargetGuard.Resolver hooksHost = host -> {
            assertThat(host).isEqualTo("hooks.example.test");   // a name no real DNS answers
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
        HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(2),
                new CheckedDnsResolver(true, hooksHost));
        open.add(sender::close);
        int port = server.getAddress().getPort();

        WebhookSender.Result result = sender.send(new WebhookSender.Message(
                "http://hooks.example.test:" + port + "/hook", "evt_P2", Instant.now(), "{}", SECRET));

        assertThat(result.statusCode()).contains(200);
        assertThat(hosts).containsExactly("hooks.example.test:" + port);
    }

    @Test
    void a_503_with_retry_after_seconds_or_an_http_date_is_read_and_other_answers_ignore_it() {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-05-17T09:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(RetryAfter.of(503, java.util.Optional.of("3"), clock)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.of(429, java.util.Optional.of("Sun, 17 May 2026 09:01:00 GMT"), clock))
                .contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.of(500, java.util.Optional.of("3"), clock)).isEmpty();
        assertThat(RetryAfter.of(503, java.util.Optional.of("soon"), clock)).isEmpty();
    }
}
