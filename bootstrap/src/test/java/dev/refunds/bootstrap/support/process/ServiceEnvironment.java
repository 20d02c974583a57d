package dev.refunds.bootstrap.support.process;

import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.RunningService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a service process gets: nothing of the caller's own service settings ({@code REFUNDS_*},
 * {@code MICRONAUT_*}, JVM options), so a developer's shell cannot change what a test or a benchmark runs; then
 * the port and the settings given. The helpers build the usual settings.
 */
public final class ServiceEnvironment {
    private ServiceEnvironment() {
    }

    static void apply(Map<String, String> env, int port, Map<String, String> settings) {
        env.keySet().removeIf(name -> name.startsWith("REFUNDS_") || name.startsWith("MICRONAUT_")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.putAll(settings);
    }

    /** The secrets every test instance shares: a database remembers them (README, "Secrets"). */
    public static Map<String, String> testSecrets() {
        return Map.of("REFUNDS_ADMIN_TOKEN", RunningService.ADMIN_TOKEN,
                "REFUNDS_API_KEY_SECRET", RunningService.API_KEY_SECRET);
    }

    /** The database settings; {@code null} for none, which is the embedded default. */
    public static Map<String, String> database(JdbcSettings database) {
        if (database == null) {
            return Map.of();
        }
        return Map.of("REFUNDS_DB_URL", database.url(), "REFUNDS_DB_USER", database.user(),
                "REFUNDS_DB_PASSWORD", database.password());
    }

    /** Test secrets, then the database, then {@code more}: later ones win. */
    public static Map<String, String> forTests(JdbcSettings database, Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(testSecrets());
        all.putAll(database(database));
        all.putAll(more);
        return all;
    }

    /** The data folder setting ({@code REFUNDS_DATA_DIR}). */
    public static Map<String, String> dataDir(Path dataDir) {
        return Map.of("REFUNDS_DATA_DIR", dataDir.toString());
    }

    /** The embedded H2 database in {@code dataDir}, read-only (for checks while its process is down). */
    static JdbcSettings embeddedDatabaseReadOnly(Path dataDir) {
        return new JdbcSettings("jdbc:h2:file:" + dataDir.resolve("refunds") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
