package dev.refunds.persistence;

import dev.refunds.application.shared.Transactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One database transaction per use case. A transaction that loses a deadlock (on Galera also a certification
 * conflict) or times out waiting for a row lock is rolled back by the database; it runs again here, a bounded
 * number of times, before the error is shown. A transaction that lost its connection, or met a node that cannot
 * take writes (a Galera node without quorum, read-only), runs again too while {@code unavailable-retry-for} lasts,
 * but only when it failed before its commit was sent: then the database never committed it. A failure during the
 * commit itself is shown (503): the commit may have happened, and running the work again could apply it twice.
 */
@DatabaseBoundary
@Singleton
class JdbcTransactions implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);
    private static final long UNAVAILABLE_PAUSE_MS = 250;

    private final TransactionOperations<Connection> transactions;
    private final int attemptsMax;
    private final Duration unavailableRetryFor;

    JdbcTransactions(TransactionOperations<Connection> transactions,
                     @Value("${refunds.db.transaction-attempts-max:8}") int attemptsMax,
                     @Value("${refunds.db.unavailable-retry-for:6s}") Duration unavailableRetryFor) {
        this.transactions = transactions;
        this.attemptsMax = attemptsMax;
        this.unavailableRetryFor = unavailableRetryFor;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return work.get();   // joins the outer transaction, which owns the retries
        }
        long giveUpAt = System.nanoTime() + unavailableRetryFor.toNanos();
        for (int attempt = 1; ; attempt++) {
            boolean[] workDone = {false};
            try {
                return transactions.executeWrite(status -> {
                    T result = work.get();
                    workDone[0] = true;
                    return result;
                });
            } catch (RuntimeException e) {
                if (attempt < attemptsMax && TransientSqlErrors.isTransient(e)) {
                    LOG.info("transaction lost a lock race or a certification conflict (attempt {} of {}), running"
                            + " it again", attempt, attemptsMax);
                    pause(ThreadLocalRandom.current().nextLong(1, 10L * attempt * attempt + 2));
                } else if (!workDone[0] && System.nanoTime() < giveUpAt && TransientSqlErrors.isUnavailable(e)) {
                    LOG.info("database unavailable before the commit (attempt {}): {}; running the transaction again",
                            attempt, DatabaseFailures.describe(e));
                    pause(UNAVAILABLE_PAUSE_MS);
                } else {
                    throw e;
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between transaction attempts", interrupted);
        }
    }
}
