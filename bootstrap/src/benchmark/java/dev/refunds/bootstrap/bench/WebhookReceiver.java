package dev.refunds.bootstrap.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local webhook endpoint on 127.0.0.1 that answers 204 at once and notes, per event type and refund, when the
 * first delivery arrived (epoch milliseconds, the clock the service's timestamps use too).
 */
final class WebhookReceiver implements AutoCloseable {
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z_.]+)\"");
    private static final Pattern REFUND = Pattern.compile("\"refundId\":\"([A-Za-z0-9_]+)\"");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Map<String, Long>> firstArrival = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/hook", exchange -> {
            long at = System.currentTimeMillis();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
            Matcher type = TYPE.matcher(body);
            Matcher refund = REFUND.matcher(body);
            if (type.find() && refund.find()) {
                firstArrival.computeIfAbsent(type.group(1), t -> new ConcurrentHashMap<>())
                        .putIfAbsent(refund.group(1), at);
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    long received() {
        return received.get();
    }

    /** When the first delivery of {@code type} for {@code refundId} arrived, or null. */
    Long arrival(String type, String refundId) {
        Map<String, Long> byRefund = firstArrival.get(type);
        return byRefund == null ? null : byRefund.get(refundId);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
