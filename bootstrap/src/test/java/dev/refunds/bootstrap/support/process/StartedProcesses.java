package dev.refunds.bootstrap.support.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The processes this JVM started: a JVM that dies must not leave services behind, and ends only these. */
final class StartedProcesses {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private StartedProcesses() {
    }

    /** Starts {@code command} in {@code folders.work()}, its output to {@code log}. */
    static Process start(List<String> command, ServiceFolders folders, Path log, int port, Map<String, String> env) {
        try {
            Files.createDirectories(folders.work());
            Files.createDirectories(folders.logs());
            ProcessBuilder builder = new ProcessBuilder(command).directory(folders.work().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            ServiceEnvironment.apply(builder.environment(), port, env);
            Process process = builder.start();
            RUNNING.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for {@code process} to end; its exit code, or empty if it still runs after {@code timeout}. */
    static OptionalInt awaitExit(Process process, Duration timeout) {
        try {
            if (process == null || !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return OptionalInt.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
        return OptionalInt.of(process.exitValue());
    }

    /** SIGKILL, and the wait for the process to be gone. */
    static void kill(Process process, String name) {
        process.destroyForcibly();
        if (awaitExit(process, Duration.ofSeconds(20)).isEmpty()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") did not die");
        }
    }
}
