package dev.refunds.persistence;

import java.sql.SQLIntegrityConstraintViolationException;

/** Tells "another writer inserted this key first" apart from every other failure, on MySQL and H2 alike. */
public final class DuplicateKeys {
    private static final int CAUSE_DEPTH_MAX = 10;
    /** H2: "concurrent update", its answer to an insert of a key another open transaction inserted. */
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private DuplicateKeys() {
    }

    public static boolean isDuplicateKey(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null
                    && batch.getNextException() != batch.getCause() && isDuplicateKey(batch.getNextException())) {
                return true;   // H2 reports a failed row of a JDBC batch as the batch's next exception
            }
        }
        return false;
    }

    /**
     * The key is being inserted by another transaction still open. MySQL/MariaDB make the insert wait for that
     * transaction instead; H2 refuses at once, and the statement (not the transaction) may be sent again.
     */
    static boolean isInsertedByAnOpenTransaction(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_CONCURRENT_UPDATE) {
                return true;
            }
        }
        return false;
    }
}
