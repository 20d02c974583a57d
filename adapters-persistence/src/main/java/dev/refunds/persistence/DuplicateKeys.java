package dev.refunds.persistence;

import java.sql.SQLIntegrityConstraintViolationException;

/** Tells "another writer inserted this key first" apart from every other failure, on MySQL and H2 alike. */
final class DuplicateKeys {
    private static final int CAUSE_DEPTH_MAX = 10;

    private DuplicateKeys() {
    }

    static boolean isDuplicateKey(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
