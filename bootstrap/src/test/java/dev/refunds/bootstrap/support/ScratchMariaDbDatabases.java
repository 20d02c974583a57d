package dev.refunds.bootstrap.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh MariaDB databases for tests that need one of their own (a database default of their choosing, a database no
 * other test has used): created as the database's root through the {@code mariadb} client on this machine, as
 * {@code scripts/mariadb-start.sh} creates the shared one, and opened to the test user. On the Galera cluster alike,
 * as its root through node 1's socket, as {@code scripts/galera-start.sh} does (the cluster replicates them).
 */
public final class ScratchMariaDbDatabases {
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/]+/)([^?]+)(.*)");

    private ScratchMariaDbDatabases() {
    }

    /** A new empty database whose default is {@code utf8mb4} with {@code collation}, beside the test database. */
    public static JdbcSettings create(String collation) {
        return create(TestDatabases.mariaDb(), collation, List.of("localhost", "127.0.0.1"), List.of("mariadb"));
    }

    /** {@link #create} beside the Galera test database. */
    public static JdbcSettings createOnGalera(String collation) {
        return create(TestDatabases.galera(), collation, List.of("127.0.0.1"), galeraRoot());
    }

    private static JdbcSettings create(JdbcSettings shared, String collation, List<String> hosts,
                                       List<String> root) {
        Matcher url = URL.matcher(shared.url());
        if (!url.matches()) {
            throw new IllegalStateException("cannot tell the database name in " + shared.url());
        }
        String name = url.group(2) + "_s" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        StringBuilder sql = new StringBuilder("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE "
                + collation + ";");
        for (String host : hosts) {
            sql.append("GRANT ALL PRIVILEGES ON `").append(name).append("`.* TO '").append(shared.user())
                    .append("'@'").append(host).append("';");
        }
        asRoot(root, sql.toString());
        return new JdbcSettings(url.group(1) + name + url.group(3), shared.user(), shared.password());
    }

    public static void drop(JdbcSettings database) {
        Matcher url = URL.matcher(database.url());
        if (url.matches() && url.group(2).contains("_s")) {
            asRoot(isOnGalera(url.group(1)) ? galeraRoot() : List.of("mariadb"),
                    "DROP DATABASE IF EXISTS `" + url.group(2) + "`;");
        }
    }

    private static boolean isOnGalera(String servers) {
        String galera = System.getenv("REFUNDS_TEST_GALERA_URL");
        Matcher url = URL.matcher(galera == null ? "" : galera);
        return url.matches() && url.group(1).equals(servers);
    }

    /** The {@code mariadb} client as root of node 1, which every node replicates. */
    private static List<String> galeraRoot() {
        String dir = System.getenv().getOrDefault("REFUNDS_TEST_GALERA_DIR", "/tmp/refunds-galera");
        List<String> client = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            client.add("sudo");
        }
        client.addAll(List.of("mariadb", "--no-defaults", "--protocol=socket", "-S", dir + "/node1/mysqld.sock",
                "-uroot"));
        return client;
    }

    private static void asRoot(List<String> root, String sql) {
        try {
            List<String> command = new ArrayList<>(root);
            command.addAll(List.of("-e", sql));
            Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!client.waitFor(60, TimeUnit.SECONDS) || client.exitValue() != 0) {
                throw new IllegalStateException("`mariadb -e` as root failed: "
                        + new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        + " (these tests create databases of their own: run them where scripts/mariadb-start.sh ran)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("these tests need the `mariadb` client as the database's root,"
                    + " as scripts/mariadb-start.sh uses it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
