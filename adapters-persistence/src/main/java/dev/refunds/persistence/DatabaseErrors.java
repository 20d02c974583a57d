package dev.refunds.persistence;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a lost, unready or busy database apart from a bug, so the client gets 503 and may retry: SQLState class 08
 * (connection exception), MySQL's 1317 (statement interrupted, e.g. by KILL), the pool's "Connection is closed"
 * or Micronaut Data's connection exceptions, which replace the original cause when the pool retires a broken
 * connection, a node that cannot take writes (a Galera node without quorum or still joining, read-only), and a
 * lock race or certification conflict the service's own retries did not win (rolled back: nothing changed).
 */
final class DatabaseErrors {
    private static final int CAUSE_DEPTH_MAX = 10;
    /**
     * 1317 statement interrupted; 1047 Galera node not ready; 1180 commit refused and rolled back (a Galera node
     * that lost the Primary Component); 1290, 1836 read-only server; 1792 read-only transaction; 1213 deadlock or
     * certification conflict; 1205 lock wait timeout.
     */
    private static final Set<Integer> MYSQL_CODES = Set.of(1317, 1047, 1180, 1290, 1836, 1792, 1213, 1205);
    private static final Set<String> MESSAGES = Set.of("Connection is closed", "Connection is read-only. Queries"
            + " leading to data modification are not allowed.");

    private DatabaseErrors() {
    }

    static boolean isUnavailable(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08") || MYSQL_CODES.contains(sql.getErrorCode())
                    || MESSAGES.contains(sql.getMessage()))) {
                return true;
            }
            if (cause.getClass().getName().startsWith("io.micronaut.data.connection.exceptions.")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, for a one-line log: an unavailable database is an expected event, not a bug. */
    static String describe(Throwable error) {
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && depth < CAUSE_DEPTH_MAX; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
