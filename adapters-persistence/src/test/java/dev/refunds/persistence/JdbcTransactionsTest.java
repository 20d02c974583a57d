package dev.refunds.persistence;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcTransactionsTest {
    private static final SQLException NODE_LOST =
            new SQLNonTransientConnectionException("Communications link failure", "08S01");
    private static final SQLException NOT_READY =
            new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047);
    private static final SQLException CERTIFICATION_CONFLICT =
            new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

    /** Runs the work, then fails the commit with the next queued error (if any). */
    private static final class FakeTransactions implements TransactionOperations<Connection> {
        final Deque<SQLException> duringWork = new ArrayDeque<>();
        final Deque<SQLException> atCommit = new ArrayDeque<>();
        final AtomicInteger commits = new AtomicInteger();

        @Override
        public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
            if (!duringWork.isEmpty()) {
                throw new IllegalStateException("statement failed", duringWork.pop());
            }
            R result;
            try {
                result = callback.call(null);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (!atCommit.isEmpty()) {
                throw new IllegalStateException("commit failed", atCommit.pop());
            }
            commits.incrementAndGet();
            return result;
        }

        @Override
        public Connection getConnection() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasConnection() {
            return false;
        }

        @Override
        public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
            return Optional.empty();
        }
    }

    private final FakeTransactions database = new FakeTransactions();
    private final JdbcTransactions transactions = new JdbcTransactions(database, 5, Duration.ofSeconds(5));

    @Test
    void a_transaction_that_lost_its_node_before_the_commit_runs_again_on_the_next_one() {
        database.duringWork.add(NODE_LOST);
        database.duringWork.add(NOT_READY);

        assertThat(transactions.inTransaction(() -> "refund")).isEqualTo("refund");
        assertThat(database.commits).hasValue(1);
    }

    @Test
    void a_certification_conflict_at_the_commit_runs_again() {
        database.atCommit.add(CERTIFICATION_CONFLICT);
        AtomicInteger runs = new AtomicInteger();

        transactions.inTransaction(runs::incrementAndGet);

        assertThat(runs).hasValue(2);
        assertThat(database.commits).hasValue(1);
    }

    @Test
    void a_connection_lost_during_the_commit_is_not_run_again_because_the_commit_may_have_happened() {
        database.atCommit.add(NODE_LOST);
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> transactions.inTransaction(runs::incrementAndGet)).hasRootCause(NODE_LOST);
        assertThat(runs).hasValue(1);
    }

    @Test
    void an_unavailable_database_is_reported_once_the_retry_time_is_spent() {
        JdbcTransactions brief = new JdbcTransactions(database, 5, Duration.ofMillis(600));
        for (int i = 0; i < 50; i++) {
            database.duringWork.add(NOT_READY);
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> brief.inTransaction(() -> "never")).hasRootCause(NOT_READY);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(database.commits).hasValue(0);
    }

    @Test
    void a_bug_is_not_run_again() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("bug");
        })).hasMessage("bug");
        assertThat(runs).hasValue(1);
    }
}
