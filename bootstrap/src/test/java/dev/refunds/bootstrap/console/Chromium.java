package dev.refunds.bootstrap.console;

import dev.refunds.bootstrap.support.TestFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refunds.bootstrap.support.Api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's headless Chromium driven over the DevTools protocol (one WebSocket, flattened target sessions): no
 * driver binary, nothing downloaded. Each {@link ConsolePage} is a tab with its own sessionStorage.
 */
final class Chromium implements AutoCloseable {
    private static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final Duration START_MAX = Duration.ofSeconds(60);
    static final Duration COMMAND_MAX = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Every JavaScript dialog any tab opened (an alert would mean injected script ran). */
    final List<String> dialogs = new CopyOnWriteArrayList<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    static Chromium start() throws IOException, InterruptedException {
        String binary = BINARIES.stream().filter(candidate -> Files.isExecutable(Path.of(candidate))).findFirst()
                .orElseGet(() -> fail("This test needs Chromium: apt-get install chromium (.ci/run installs it)"));
        Path profile = TestFolders.create("chromium-console-");
        Process process = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_MAX.toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                fail("Chromium did not open its DevTools port within " + START_MAX);
            }
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(portFile);
        URI endpoint = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        Chromium[] self = new Chromium[1];
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(endpoint, new Listener(message -> self[0].receive(message))).join();
        self[0] = new Chromium(process, socket);
        return self[0];
    }

    /** A new tab at {@code url}. */
    ConsolePage open(URI url) {
        String targetId = send(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .path("sessionId").asText();
        ConsolePage page = new ConsolePage(this, session);
        send(session, "Page.enable", Map.of());
        send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 800,
                "deviceScaleFactor", 1, "mobile", false));
        page.navigate(url);
        return page;
    }

    JsonNode send(String session, String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        ObjectNode message = Api.JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", Api.JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(COMMAND_MAX.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (Exception e) {
            throw new IllegalStateException("DevTools command " + method + " got no answer", e);
        }
    }

    private void receive(String text) {
        try {
            JsonNode message = Api.JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asLong());
                if (answer != null) {
                    answer.complete(message);
                }
            } else if ("Page.javascriptDialogOpening".equals(message.path("method").asText())) {
                dialogs.add(message.path("params").path("message").asText());
                String session = message.path("sessionId").asText();
                CompletableFuture.runAsync(() -> send(session, "Page.handleJavaScriptDialog", Map.of("accept", true)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable DevTools message", e);
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Joins a message's frames; DevTools answers can be large (screenshots). */
    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Consumer<String> sink;
        private final StringBuilder frames = new StringBuilder();

        Listener(java.util.function.Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                String message = frames.toString();
                frames.setLength(0);
                sink.accept(message);
            }
            webSocket.request(1);
            return null;
        }
    }
}
