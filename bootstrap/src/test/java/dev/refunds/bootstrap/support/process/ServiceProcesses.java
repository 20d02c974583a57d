package dev.refunds.bootstrap.support.process;

import dev.refunds.bootstrap.support.TestFolders;
import dev.refunds.bootstrap.support.JdbcSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The service processes the tests start; every one has the test secrets and a fresh folder of its own. */
public final class ServiceProcesses {
    private static final Duration JAR_START_MAX = Duration.ofSeconds(60);

    private ServiceProcesses() {
    }

    /**
     * From the test class path (under Surefire the jar does not exist yet), started without waiting for it to
     * answer; {@code properties} are Micronaut settings. {@code database} null: the embedded default, an H2 file
     * database in the process's data folder.
     */
    public static ServiceProcess launch(String name, JdbcSettings database, Map<String, String> properties) {
        return launch(name, database, Map.of(), properties);
    }

    /** {@link #launch}, with {@code settings} added to its environment, as an operator sets {@code REFUNDS_*}. */
    public static ServiceProcess launch(String name, JdbcSettings database, Map<String, String> settings,
                                        Map<String, String> properties) {
        Path dataDir = tempDir("refunds-process-" + name + "-");
        Map<String, String> env = new HashMap<>(ServiceEnvironment.dataDir(dataDir));
        env.putAll(settings);
        env = ServiceEnvironment.forTests(database, env);
        ServiceProcess service = new ServiceProcess(name, JavaCommand.testClassPath(),
                ServiceEnvironment.freePort(), new ServiceFolders(dataDir, dataDir, logDir()), env, properties);
        service.start();
        return service;
    }

    /** {@link #launch} on the embedded default. */
    public static ServiceProcess launchEmbedded(String name, Map<String, String> properties) {
        return launch(name, null, properties);
    }

    /**
     * The runnable jar ({@code ./mvnw package} built it), configured only through the environment and healthy on
     * return. {@code database} null: its embedded default, under the working folder's {@code ./data}.
     */
    public static ServiceProcess jar(JdbcSettings database, Map<String, String> env) {
        if (!Files.exists(JavaCommand.BUILT_JAR)) {
            throw new IllegalStateException(JavaCommand.BUILT_JAR.toAbsolutePath()
                    + " is missing: run `./mvnw package` first");
        }
        Path workDir = tempDir("refunds-jar-");
        ServiceProcess jar = new ServiceProcess("jar", JavaCommand.jar(JavaCommand.BUILT_JAR, java.util.List.of()),
                ServiceEnvironment.freePort(), new ServiceFolders(workDir, workDir.resolve("data"), logDir()),
                ServiceEnvironment.forTests(database, env), Map.of());
        jar.startAndAwait(JAR_START_MAX);
        return jar;
    }

    /** Where the tests' service logs go: {@code target/service-processes}. */
    public static Path logDir() {
        return Path.of(System.getProperty("user.dir"), "target", "service-processes");
    }

    private static Path tempDir(String prefix) {
        return TestFolders.create(prefix);
    }
}
