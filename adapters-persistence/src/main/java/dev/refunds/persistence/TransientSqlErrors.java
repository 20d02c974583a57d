package dev.refunds.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Errors after which the database has rolled the transaction back and running it again may succeed. */
final class TransientSqlErrors {
    /**
     * MySQL/MariaDB: 1213 deadlock (on Galera also a certification conflict), 1205 lock wait timeout. H2: 40001
     * deadlock, 50200 lock timeout, 90131 concurrent update.
     */
    private static final Set<Integer> CODES = Set.of(1213, 1205, 40001, 50200, 90131);
    /**
     * A database that cannot take the work now: 1047 a Galera node that is not ready (lost quorum, still joining),
     * 1180 a commit the node refused (on Galera: "not connected to Primary Component"; rolled back), 1290 and 1836
     * a server in read-only mode, 1792 a read-only transaction.
     */
    private static final Set<Integer> UNAVAILABLE_CODES = Set.of(1047, 1180, 1290, 1836, 1792);
    private static final int CAUSE_DEPTH_MAX = 10;

    private TransientSqlErrors() {
    }

    static boolean isTransient(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientException && !(cause instanceof SQLTransientConnectionException)) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection was lost or never made, or the node cannot take writes now (SQLState class 08, the pool's
     * timeout, a Galera node without quorum, read-only). Whether the work may run again depends on where it
     * failed: see {@link JdbcTransactions}.
     */
    static boolean isUnavailable(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause.getClass().getName().startsWith("io.micronaut.data.connection.exceptions.")) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || UNAVAILABLE_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
