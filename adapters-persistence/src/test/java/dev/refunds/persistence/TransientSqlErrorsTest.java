package dev.refunds.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientSqlErrorsTest {
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("data access failed", cause);
    }

    @Test
    void a_galera_certification_conflict_is_a_lost_race_to_run_again() {
        SQLException conflict = new SQLException("WSREP detected deadlock/conflict and aborted the transaction."
                + " Try restarting the transaction", "40001", 1213);

        assertThat(TransientSqlErrors.isTransient(wrapped(conflict))).isTrue();
        assertThat(DatabaseFailures.isExpected(wrapped(conflict))).isTrue();
    }

    @Test
    void a_node_without_quorum_a_read_only_node_and_a_lost_connection_are_unavailable_not_lost_races() {
        SQLException notReady = new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047);
        SQLException readOnly = new SQLException("The MariaDB server is running with the --read-only option",
                "HY000", 1290);
        SQLException poolTimeout = new SQLTransientConnectionException("Connection is not available");
        SQLException commitRefused = new SQLException("Error while appending streaming replication fragment"
                + "(provider status: Not connected to Primary Component)", "HY000", 1180);

        for (SQLException error : new SQLException[] {notReady, readOnly, poolTimeout, commitRefused}) {
            assertThat(TransientSqlErrors.isUnavailable(wrapped(error))).as(error.getMessage()).isTrue();
            assertThat(TransientSqlErrors.isTransient(wrapped(error))).as(error.getMessage()).isFalse();
        }
    }

    @Test
    void a_constraint_violation_is_neither() {
        SQLException duplicate = new SQLException("Duplicate entry", "23000", 1062);

        assertThat(TransientSqlErrors.isUnavailable(wrapped(duplicate))).isFalse();
        assertThat(DatabaseFailures.isExpected(wrapped(duplicate))).isFalse();
    }
}
