package dev.refunds.rest.error;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost or unreachable database apart from a bug, so the client gets 503 and may retry. */
final class DatabaseErrors {
    private static final int CAUSE_DEPTH_MAX = 10;

    private DatabaseErrors() {
    }

    static boolean isUnavailable(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
