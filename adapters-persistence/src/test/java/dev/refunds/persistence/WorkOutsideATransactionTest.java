package dev.refunds.persistence;

import dev.refunds.application.contract.Rows;
import dev.refunds.application.contract.Storage;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.refunds.application.contract.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pooled connections are not in auto-commit (a transaction costs no {@code SET autocommit} statements), yet an
 * adapter called outside any transaction behaves as it did in auto-commit: what it writes is kept, and what it
 * locks is released when it returns, seen from a connection outside the pool.
 */
@OnEveryDatabase
class WorkOutsideATransactionTest {
    @Parameter
    JdbcBackend backend;

    private JdbcPorts ports() {
        return JdbcPorts.on(backend);
    }

    @Test
    void a_pooled_connection_is_handed_out_without_auto_commit() throws SQLException {
        DataSource pool = DelegatingDataSource.unwrapDataSource(ports().bean(DataSource.class));
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getAutoCommit()).isFalse();
        }
    }

    @Test
    void a_write_made_outside_any_transaction_is_committed() throws SQLException {
        Storage storage = ports().storage();
        Business shop = Rows.business(storage);
        Payment payment = Rows.paidPayment(shop, T0);

        storage.payments().insert(payment);

        try (Connection own = ports().ownConnection();
             PreparedStatement select = own.prepareStatement("SELECT COUNT(*) FROM payments WHERE payment_id = ?")) {
            select.setString(1, payment.id().value());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).as("the payment, seen from outside the pool").isEqualTo(1);
            }
        }
    }

    @Test
    void a_row_locked_outside_any_transaction_is_free_again_when_the_call_returns() throws SQLException {
        Storage storage = ports().storage();
        Business shop = Rows.business(storage);
        Payment payment = Rows.paidPayment(shop, T0);
        storage.inTransaction(() -> {
            storage.payments().insert(payment);
            return null;
        });

        assertThat(storage.payments().lockById(shop.id(), payment.id())).isPresent();

        try (Connection own = ports().ownConnection(); Statement sql = own.createStatement()) {
            sql.execute(backend == JdbcBackend.H2 ? "SET LOCK_TIMEOUT 3000" : "SET SESSION innodb_lock_wait_timeout = 3");
            try (PreparedStatement update = own.prepareStatement(
                    "UPDATE payments SET description = 'changed outside' WHERE payment_id = ?")) {
                update.setString(1, payment.id().value());
                assertThat(update.executeUpdate()).as("the row, updated without waiting for a lock").isEqualTo(1);
            }
        }
    }

    @AfterEach
    void deleteTheRows() {
        ports().clean();
    }
}
