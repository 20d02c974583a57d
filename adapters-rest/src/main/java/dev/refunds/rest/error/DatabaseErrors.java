package dev.refunds.rest.error;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a lost or unreachable database apart from a bug, so the client gets 503 and may retry: SQLState class 08
 * (connection exception), MySQL's 1317 (statement interrupted, e.g. by KILL), and the pool's "Connection is closed"
 * or Micronaut Data's connection exceptions, which replace the original cause when the pool retires a broken
 * connection.
 */
final class DatabaseErrors {
    private static final int CAUSE_DEPTH_MAX = 10;
    private static final int MYSQL_QUERY_INTERRUPTED = 1317;
    private static final String CONNECTION_CLOSED = "Connection is closed";

    private DatabaseErrors() {
    }

    static boolean isUnavailable(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08") || sql.getErrorCode() == MYSQL_QUERY_INTERRUPTED
                    || CONNECTION_CLOSED.equals(sql.getMessage()))) {
                return true;
            }
            if (cause.getClass().getName().startsWith("io.micronaut.data.connection.exceptions.")) {
                return true;
            }
        }
        return false;
    }
}
