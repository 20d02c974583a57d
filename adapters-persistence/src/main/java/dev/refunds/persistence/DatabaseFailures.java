package dev.refunds.persistence;

/**
 * For the background workers: tells an expected database failure (a lost lock race or certification conflict, a
 * lost connection, a cluster node without quorum) from a bug, so the first is logged as one line and the next
 * pass simply tries again, while a bug keeps its stack trace.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    public static boolean isExpected(Throwable error) {
        return TransientSqlErrors.isTransient(error) || TransientSqlErrors.isUnavailable(error);
    }

    /** The innermost message, for a one-line log. */
    public static String describe(Throwable error) {
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && depth < 10; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
