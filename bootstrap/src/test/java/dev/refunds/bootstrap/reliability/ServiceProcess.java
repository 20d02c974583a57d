package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.RunningService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own operating-system process, started the way production starts it
 * ({@code dev.refunds.bootstrap.Application} with {@code MICRONAUT_SERVER_PORT}, {@code REFUNDS_DB_URL} and so on in
 * the environment) but from the test class path: under Surefire the shaded jar does not exist yet. It can be killed
 * with SIGKILL ({@link Process#destroyForcibly()}) at any moment and started again on the same port, and on the same
 * data folder: {@link #launchEmbedded} runs the embedded default (no {@code REFUNDS_DB_URL}, the H2 file database
 * under the data folder), whose file only the test can read while the process is down ({@link #embeddedDatabase}).
 */
final class ServiceProcess implements AutoCloseable {
    static final String ADMIN_TOKEN = RunningService.ADMIN_TOKEN;
    static final String API_KEY_SECRET = RunningService.API_KEY_SECRET;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // A test JVM that dies must not leave services behind; only processes started here are ended.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final int port;
    private final JdbcSettings database;   // null: the embedded default
    private final Map<String, String> properties;
    private final Path dataDir;
    private Process process;
    private int generation;

    private ServiceProcess(String name, int port, JdbcSettings database, Map<String, String> properties) {
        this.name = name;
        this.port = port;
        this.database = database;
        this.properties = new LinkedHashMap<>(properties);
        try {
            this.dataDir = Files.createTempDirectory("refunds-reliability-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process (without waiting for it to answer); {@code properties} are Micronaut settings. */
    static ServiceProcess launch(String name, JdbcSettings database, Map<String, String> properties) {
        ServiceProcess service = new ServiceProcess(name, freePort(), database, properties);
        service.start();
        return service;
    }

    /** Starts the process on the embedded default: an H2 file database in its own data folder. */
    static ServiceProcess launchEmbedded(String name, Map<String, String> properties) {
        ServiceProcess service = new ServiceProcess(name, freePort(), null, properties);
        service.start();
        return service;
    }

    /**
     * The embedded database of a stopped process, opened read-only, so a check between a kill and the restart
     * leaves the file as the kill left it for the restart to recover. H2 allows one process on the file at a time.
     */
    synchronized JdbcSettings embeddedDatabase() {
        if (database != null) {
            throw new IllegalStateException(name + " runs on " + database.url() + ", not the embedded default");
        }
        if (isAlive()) {
            throw new IllegalStateException(name + " is running: only it may open its embedded database now");
        }
        return new JdbcSettings("jdbc:h2:file:" + dataDir.resolve("refunds") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
    }

    /** Changes a Micronaut setting for the next start (an empty value hides the environment's). */
    synchronized void set(String key, String value) {
        properties.put(key, value);
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        generation++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath());
        command.add("dev.refunds.bootstrap.Application");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(Reliability.workDir().resolve(name + "-" + generation + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        if (database != null) {
            env.put("REFUNDS_DB_URL", database.url());
            env.put("REFUNDS_DB_USER", database.user());
            env.put("REFUNDS_DB_PASSWORD", database.password());
        } else {
            List.of("REFUNDS_DB_URL", "REFUNDS_DB_USER", "REFUNDS_DB_PASSWORD").forEach(env::remove);
        }
        env.put("REFUNDS_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("REFUNDS_API_KEY_SECRET", API_KEY_SECRET);
        env.put("REFUNDS_DATA_DIR", dataDir.toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        RUNNING.add(process);
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, connections dropped mid-transaction. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until {@code GET /health} answers 200; false if the process died or the time ran out. */
    boolean awaitHealthy(Duration timeout) {
        Http http = http();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                return false;
            }
            try {
                if (http.get("/health").status() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // starting
            }
            Reliability.pause(100);
        }
        return false;
    }

    void startAndAwait(Duration timeout) {
        start();
        if (!awaitHealthy(timeout)) {
            throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see "
                    + Reliability.workDir().resolve(name + "-" + generation + ".log"));
        }
    }

    /** Waits for the process to end by itself; its exit code, or empty if it still runs after {@code timeout}. */
    java.util.OptionalInt awaitExit(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        try {
            if (current == null || !current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return java.util.OptionalInt.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(current);
        return java.util.OptionalInt.of(current.exitValue());
    }

    /** What the current (or last) run of the process wrote to its standard output and error. */
    synchronized String log() {
        try {
            return Files.readString(Reliability.workDir().resolve(name + "-" + generation + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Http http() {
        return new Http(uri());
    }

    String name() {
        return name;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();   // SIGTERM: graceful, as an operator would stop it
            try {
                if (!process.waitFor(25, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            RUNNING.remove(process);
        }
    }

    /** The test class path (Surefire puts it in a manifest-only jar; it names the real one here). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
