package dev.refunds.bootstrap.support.process;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.JdbcSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service as an operating-system process of its own, configured as production configures it (environment
 * variables; Micronaut settings as system properties where a test changes one between starts). It can be killed
 * with SIGKILL at any moment ({@link #kill}), stopped with SIGTERM ({@link #close}, {@link #sigterm}) and started
 * again ({@link #start}) on the same port and data folder; each start has its own log. {@link ServiceProcesses}
 * makes the usual ones.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration SIGTERM_PATIENCE = Duration.ofSeconds(40);
    private static final AtomicInteger CREATED = new AtomicInteger();

    private final String name;
    private final int serial = CREATED.incrementAndGet();
    private final JavaCommand command;
    private final int port;
    private final ServiceFolders folders;
    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private Process process;
    private int generation;
    private long startedNanos;
    private long startupMillis = -1;

    /** Not started yet; {@code environment} as {@link ServiceEnvironment} applies it. */
    public ServiceProcess(String name, JavaCommand command, int port, ServiceFolders folders,
                          Map<String, String> environment, Map<String, String> properties) {
        this.name = name;
        this.command = command;
        this.port = port;
        this.folders = folders;
        this.environment = Map.copyOf(environment);
        this.properties = new LinkedHashMap<>(properties);
    }

    /** Changes a Micronaut setting for the next start (an empty value hides the environment's). */
    public synchronized void set(String key, String value) {
        properties.put(key, value);
    }

    /** Starts the process without waiting for it to answer. */
    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        generation++;
        startupMillis = -1;
        startedNanos = System.nanoTime();
        process = StartedProcesses.start(command.line(properties), folders, logFile(), port, environment);
    }

    /** Starts the process and waits until it answers {@code GET /health}. */
    public void startAndAwait(Duration timeout) {
        start();
        if (!awaitHealthy(timeout)) {
            kill();
            throw new IllegalStateException(name + " did not become healthy within " + timeout + "; the end of "
                    + logFile() + ":\n" + ServiceLog.tail(logFile(), 60));
        }
    }

    /** Waits until {@code GET /health} answers 200; false if the process died or the time ran out. */
    public boolean awaitHealthy(Duration timeout) {
        boolean healthy = Health.await(this::isAlive, api(), timeout);
        synchronized (this) {
            if (healthy && startupMillis < 0) {
                startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            }
        }
        return healthy;
    }

    /** Milliseconds from the last start to its first healthy answer (-1 before that). */
    public synchronized long startupMillis() {
        return startupMillis;
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, connections dropped mid-transaction. */
    public synchronized void kill() {
        if (process != null) {
            StartedProcesses.kill(process, name);
        }
    }

    /** SIGTERM, as an operator stops it, without waiting ({@link #awaitExit} does). */
    public synchronized void sigterm() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code, or empty if it still runs after {@code timeout}. */
    public OptionalInt awaitExit(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        return StartedProcesses.awaitExit(current, timeout);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Fails when the process is gone (it crashed, or someone stopped it), with the end of its log. */
    public void check() {
        ServiceLog.requireAlive(isAlive(), name, logFile());
    }

    /**
     * The embedded database of a stopped process, opened read-only, so a check between a kill and the restart
     * leaves the file as the kill left it for the restart to recover. H2 allows one process on the file at a time.
     */
    public synchronized JdbcSettings embeddedDatabase() {
        if (environment.containsKey("REFUNDS_DB_URL") || isAlive()) {
            throw new IllegalStateException(name + (isAlive() ? " is running: only it may open the file now"
                    : " runs on " + environment.get("REFUNDS_DB_URL") + ", not the embedded default"));
        }
        return ServiceEnvironment.embeddedDatabaseReadOnly(folders.data());
    }

    /** What the current (or last) run wrote to its standard output and error. */
    public String log() {
        return ServiceLog.read(logFile());
    }

    public synchronized Path logFile() {
        return folders.logs().resolve(name + "-" + serial + "-" + generation + ".log");
    }

    public synchronized long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String name() {
        return name;
    }

    /** The test HTTP client for this instance; a process may be killed, so it waits 20 s at most for an answer. */
    public Api api() {
        return Api.at(uri()).withTimeout(Duration.ofSeconds(20));
    }

    /** SIGTERM (the service drains and stops), then SIGKILL if it takes longer than 40 s. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (awaitExit(SIGTERM_PATIENCE).isEmpty()) {
                kill();
            }
        }
    }

    /**
     * The runnable {@code jar} in {@code workDir} (its log there too), configured only by {@code env} plus the
     * port, and healthy on return (or an exception with the end of its log after 180 s).
     */
    public static ServiceProcess start(Path jar, Path workDir, int port, Map<String, String> env,
                                       List<String> jvmOptions) {
        ServiceProcess service = new ServiceProcess("service", JavaCommand.jar(jar, jvmOptions), port,
                new ServiceFolders(workDir, workDir.resolve("data"), workDir), env, Map.of());
        service.startAndAwait(Duration.ofSeconds(180));
        return service;
    }

    /** Resident set size now, in MiB (Linux). */
    public double rssMiB() {
        return ServiceLog.statusKb(pid(), "VmRSS") / 1024.0;
    }

    /** Peak resident set size, in MiB (Linux). */
    public double peakRssMiB() {
        return ServiceLog.statusKb(pid(), "VmHWM") / 1024.0;
    }
}
