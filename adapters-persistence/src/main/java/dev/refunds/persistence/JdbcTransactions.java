package dev.refunds.persistence;

import dev.refunds.application.port.Transactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One database transaction per use case. A transaction that loses a deadlock or times out waiting for a row lock
 * is rolled back by the database; it runs again here, a bounded number of times, before the error is shown.
 */
@Singleton
final class JdbcTransactions implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

    private final TransactionOperations<Connection> transactions;
    private final int attemptsMax;

    JdbcTransactions(TransactionOperations<Connection> transactions,
                     @Value("${refunds.db.transaction-attempts-max:5}") int attemptsMax) {
        this.transactions = transactions;
        this.attemptsMax = attemptsMax;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return work.get();   // joins the outer transaction, which owns the retries
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.executeWrite(status -> work.get());
            } catch (RuntimeException e) {
                if (attempt >= attemptsMax || !TransientSqlErrors.isTransient(e)) {
                    throw e;
                }
                LOG.info("transaction lost a lock race (attempt {} of {}), running it again", attempt, attemptsMax);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt * attempt + 2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between transaction attempts", interrupted);
        }
    }
}
