package dev.refunds.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Errors after which the database has rolled the transaction back and running it again may succeed. */
final class TransientSqlErrors {
    /** MySQL/MariaDB: 1213 deadlock, 1205 lock wait timeout. H2: 40001 deadlock, 50200 lock timeout, 90131 concurrent update. */
    private static final Set<Integer> CODES = Set.of(1213, 1205, 40001, 50200, 90131);
    private static final int CAUSE_DEPTH_MAX = 10;

    private TransientSqlErrors() {
    }

    static boolean isTransient(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
