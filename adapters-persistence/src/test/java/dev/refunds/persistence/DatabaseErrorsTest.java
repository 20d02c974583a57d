package dev.refunds.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseErrorsTest {
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("Error executing SQL UPDATE", cause);
    }

    @Test
    void a_lost_unready_refusing_or_read_only_cluster_node_is_unavailable_not_a_bug() {
        SQLException[] unavailable = {
            new SQLNonTransientConnectionException("Communications link failure", "08S01"),
            new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047),
            new SQLException("Error while appending streaming replication fragment(provider status: Not connected"
                    + " to Primary Component)", "HY000", 1180),
            new SQLException("The MariaDB server is running with the --read-only option", "HY000", 1290),
            new SQLException("Connection is read-only. Queries leading to data modification are not allowed.",
                    "S1009", 0),
            new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213),
        };
        for (SQLException error : unavailable) {
            assertThat(DatabaseErrors.isUnavailable(wrapped(error))).as(error.getMessage()).isTrue();
        }
        assertThat(DatabaseErrors.describe(wrapped(unavailable[1])))
                .isEqualTo("SQLException: WSREP has not yet prepared node for application use");
    }

    @Test
    void a_constraint_violation_or_a_bug_is_not() {
        assertThat(DatabaseErrors.isUnavailable(wrapped(new SQLException("Duplicate entry", "23000", 1062))))
                .isFalse();
        assertThat(DatabaseErrors.isUnavailable(new NullPointerException("bug"))).isFalse();
    }
}
