package dev.refunds.bootstrap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service jar in a process of its own, started the way the README starts it ({@code java [options] -jar}, the
 * options of {@link StartupAndMemoryAb#readmeOptions()}), with the settings as environment variables. Start-up time is from just before the process is
 * created to the first {@code 200} from {@code GET /health}.
 */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final long startupMillis;
    private final Path log;

    private ServiceProcess(Process process, int port, long startupMillis, Path log) {
        this.process = process;
        this.port = port;
        this.startupMillis = startupMillis;
        this.log = log;
    }

    static ServiceProcess start(Path jar, Path workDir, int port, Map<String, String> settings,
                                List<String> jvmOptions) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("service.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("REFUNDS_") || name.startsWith("MICRONAUT_")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(settings);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        long started = System.nanoTime();
        Process process = builder.start();
        byte[] health = BenchHttp.request("GET", "/health", port, null);
        long deadline = started + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited during start-up (exit " + process.exitValue()
                        + "); see " + log + ":\n" + tail(log));
            }
            try (BenchHttp http = new BenchHttp("127.0.0.1", port)) {
                if (http.send(health).status() == 200) {
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    return new ServiceProcess(process, port, millis, log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not answer /health within 180 s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    long startupMillis() {
        return startupMillis;
    }

    Path log() {
        return log;
    }

    /** Fails the run when the service is gone (it crashed, or someone stopped it): its figures would be wrong. */
    void check() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the service process exited during the run (exit " + process.exitValue()
                    + "); its figures would be wrong. Last lines of " + log + ":\n" + tail(log));
        }
    }

    /** Resident set size now, in MiB. */
    double rssMiB() {
        return Proc.statusKb(pid(), "VmRSS") / 1024.0;
    }

    /** Peak resident set size, in MiB. */
    double peakRssMiB() {
        return Proc.statusKb(pid(), "VmHWM") / 1024.0;
    }

    /** SIGTERM (the service drains and stops), then SIGKILL if it takes more than 40 s. Only this process. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
