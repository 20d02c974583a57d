package dev.refunds.bootstrap.jar;

import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.RunningService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The runnable jar started as its own process, configured only through environment variables. */
final class ServiceJar implements AutoCloseable {
    /** The secrets every test instance shares: the test database remembers them (README, "Secrets"). */
    static final String ADMIN_TOKEN = RunningService.ADMIN_TOKEN;
    private static final Path JAR = Path.of("target", "refunds-service.jar");
    private static final Duration START_MAX = Duration.ofSeconds(60);

    private final Process process;
    private final URI uri;
    private final Path log;

    private ServiceJar(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    static ServiceJar start(JdbcSettings database, Map<String, String> extraEnv) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("REFUNDS_DB_URL", database.url());
        env.put("REFUNDS_DB_USER", database.user());
        env.put("REFUNDS_DB_PASSWORD", database.password());
        env.putAll(extraEnv);
        return startWith(env);
    }

    /** With no database setting: the embedded file database under the working folder's {@code ./data}. */
    static ServiceJar startOnEmbeddedDefault(Map<String, String> extraEnv) throws IOException {
        return startWith(extraEnv);
    }

    private static ServiceJar startWith(Map<String, String> settings) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `./mvnw package` first");
        }
        int port = freePort();
        Path dataDir = Files.createTempDirectory("refunds-jar-data-");
        Path log = Files.createTempFile("refunds-jar-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString())
                .directory(dataDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("REFUNDS_"));
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("REFUNDS_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("REFUNDS_API_KEY_SECRET", RunningService.API_KEY_SECRET);
        env.putAll(settings);
        ServiceJar jar = new ServiceJar(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        jar.awaitHealthy();
        return jar;
    }

    URI uri() {
        return uri;
    }

    Process process() {
        return process;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_MAX.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(uri.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("the jar did not become healthy within " + START_MAX + ":\n" + log());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
