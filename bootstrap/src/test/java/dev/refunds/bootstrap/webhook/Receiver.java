package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.refunds.bootstrap.support.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/** A webhook receiver on 127.0.0.1: records every request; each path answers 200 unless told otherwise. */
final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, IntUnaryOperator> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> responseHeaders = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlightMax = new ConcurrentHashMap<>();

    /** One request as it arrived; header names in lower case. */
    record Received(String path, Map<String, String> headers, String body, long receivedNanos) {
        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How {@code path} answers its n-th request (n from 1): a status code. */
    void answer(String path, IntUnaryOperator statusForCall) {
        answers.put(path, statusForCall);
    }

    /** {@code path} answers with this header too (a {@code Retry-After}, say). */
    void header(String path, String name, String value) {
        responseHeaders.put(path, Map.of(name, value));
    }

    /** {@code path} answers only after {@code delay} (a slow subscriber). */
    void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    /** The most requests to {@code path} that were being answered at one time. */
    int inFlightMax(String path) {
        return inFlightMax.getOrDefault(path, new AtomicInteger()).get();
    }

    List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> String.join(",", entry.getValue())));
        received.add(new Received(path, headers, body, now));
        int call = calls.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        int status = answers.getOrDefault(path, n -> 200).applyAsInt(call);
        AtomicInteger answering = inFlight.computeIfAbsent(path, key -> new AtomicInteger());
        inFlightMax.computeIfAbsent(path, key -> new AtomicInteger()).accumulateAndGet(answering.incrementAndGet(),
                Math::max);
        try {
            Thread.sleep(delays.getOrDefault(path, Duration.ZERO).toMillis());
            responseHeaders.getOrDefault(path, Map.of()).forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            answering.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
