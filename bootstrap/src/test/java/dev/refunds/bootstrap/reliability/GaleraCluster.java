package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.JdbcSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The three nodes scripts/galera-start.sh started, as a test drives them: SIGKILL, SIGSTOP/SIGCONT by the pid each
 * node wrote, a rejoin through the script, and the operator's quorum recovery. Node i is the i-th host of the URL.
 */
final class GaleraCluster {
    private final JdbcSettings database;
    private final Path dir;
    private final Path script;

    private GaleraCluster(JdbcSettings database, Path dir, Path script) {
        this.database = database;
        this.dir = dir;
        this.script = script;
    }

    static GaleraCluster of(JdbcSettings database) {
        String dir = System.getenv("REFUNDS_TEST_GALERA_DIR");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("REFUNDS_TEST_GALERA_DIR is not set: run `eval \"$(bash"
                    + " scripts/galera-start.sh)\"` first (it starts the cluster and exports it).");
        }
        Path root = Path.of(System.getProperty("user.dir"));
        Path script = root.resolve("scripts/galera-start.sh");
        if (!Files.exists(script)) {
            script = root.resolveSibling("scripts").resolve("galera-start.sh");   // Surefire runs in bootstrap/
        }
        return new GaleraCluster(database, Path.of(dir), script);
    }

    int size() {
        return database.hosts().size();
    }

    /** SIGKILL of node i's mariadbd: no shutdown, its connections dropped, its state left for a recovery. */
    void kill(int node) {
        ProcessHandle process = process(node);
        process.destroyForcibly();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("galera node " + (node + 1) + " did not die", e);
        }
    }

    /** SIGSTOP: the node hangs with its sockets open, the worst kind of failure for its clients. */
    void stop(int node) {
        signal(node, "-STOP");
    }

    void resume(int node) {
        signal(node, "-CONT");
    }

    /** Starts node i again (it rejoins and catches up by IST or SST); the returned process ends once it is ready. */
    Process rejoin(int node) {
        try {
            return new ProcessBuilder("bash", script.toString(), "--node", Integer.toString(node + 1))
                    .redirectErrorStream(true)
                    .redirectOutput(Reliability.workDir().resolve("galera-node" + (node + 1) + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rejoinAndAwait(int node, Duration timeout) {
        Process rejoin = rejoin(node);
        await(rejoin, timeout, "rejoin of node " + (node + 1));
    }

    /** After a quorum loss: makes the side of node i Primary again (scripts/galera-start.sh --recover-quorum). */
    void recoverQuorum(int node) {
        try {
            Process recover = new ProcessBuilder("bash", script.toString(), "--recover-quorum",
                    Integer.toString(node + 1)).inheritIO().start();
            await(recover, Duration.ofSeconds(30), "quorum recovery on node " + (node + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every node is Primary, synced and sees all the others; fails with the states otherwise. */
    void awaitWhole(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String states = "";
        while (System.nanoTime() < deadline) {
            states = states();
            if (states.chars().filter(c -> c == '✓').count() == size()) {
                return;
            }
            Reliability.pause(250);
        }
        throw new IllegalStateException("the Galera cluster is not whole after " + timeout + ": " + states);
    }

    /** Per node: Synced with the whole cluster (✓), its state, or why it did not answer. */
    String states() {
        StringBuilder states = new StringBuilder();
        List<String> hosts = database.hosts();
        for (int node = 0; node < hosts.size(); node++) {
            states.append(" node").append(node + 1).append('=');
            try (Connection connection = node(node); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW STATUS WHERE Variable_name IN"
                         + " ('wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready')")) {
                java.util.Map<String, String> status = new java.util.HashMap<>();
                while (rows.next()) {
                    status.put(rows.getString(1), rows.getString(2));
                }
                boolean whole = "ON".equals(status.get("wsrep_ready"))
                        && "Synced".equals(status.get("wsrep_local_state_comment"))
                        && Integer.toString(hosts.size()).equals(status.get("wsrep_cluster_size"));
                states.append(whole ? "✓" : status.toString());
            } catch (SQLException e) {
                states.append(e.getMessage());
            }
        }
        return states.toString();
    }

    private Connection node(int node) throws SQLException {
        String host = database.hosts().get(node);
        Properties properties = new Properties();
        properties.put("user", database.user());
        properties.put("password", database.password());
        properties.put("connectTimeout", "2000");
        properties.put("socketTimeout", "3000");
        return DriverManager.getConnection("jdbc:mysql://" + host + "/", properties);
    }

    private ProcessHandle process(int node) {
        Path pidFile = dir.resolve("node" + (node + 1)).resolve("mariadbd.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .orElseThrow(() -> new IllegalStateException("galera node " + (node + 1) + " (pid " + pid
                            + ") is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file for galera node " + (node + 1) + ": " + pidFile, e);
        }
    }

    private void signal(int node, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process(node).pid())).inheritIO().start();
            await(kill, Duration.ofSeconds(5), "kill " + signal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(Process process, Duration timeout, String what) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "); see "
                        + Reliability.workDir());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
