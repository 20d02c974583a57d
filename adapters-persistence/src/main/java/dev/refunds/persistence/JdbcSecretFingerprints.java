package dev.refunds.persistence;

import dev.refunds.application.shared.SecretFingerprints;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Statements on a connection of their own, each committed by hand (pooled connections are not in auto-commit):
 * used once, at start-up, before any transaction exists.
 */
@DatabaseBoundary
@Singleton
class JdbcSecretFingerprints implements SecretFingerprints {
    private final DataSource dataSource;
    private final Clock clock;

    JdbcSecretFingerprints(DataSource dataSource, Clock clock) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
    }

    @Override
    public Optional<String> find(String setting) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT fingerprint FROM secret_fingerprints WHERE setting_name = ?")) {
            select.setString(1, setting);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the fingerprint of " + setting, e);
        }
    }

    @Override
    public String recordIfAbsent(String setting, String fingerprint) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO secret_fingerprints"
                     + " (setting_name, fingerprint, recorded_at_ms) VALUES (?, ?, ?)")) {
            insert.setString(1, setting);
            insert.setString(2, fingerprint);
            insert.setLong(3, clock.millis());
            insert.executeUpdate();
            connection.commit();
            return fingerprint;
        } catch (SQLException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {   // another instance started at the same moment
                return find(setting).orElseThrow(() -> new IllegalStateException("fingerprint vanished", e));
            }
            throw new IllegalStateException("cannot record the fingerprint of " + setting, e);
        }
    }

    @Override
    public boolean replace(String setting, String expected, String replacement) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE secret_fingerprints"
                     + " SET fingerprint = ?, recorded_at_ms = ? WHERE setting_name = ? AND fingerprint = ?")) {
            update.setString(1, replacement);
            update.setLong(2, clock.millis());
            update.setString(3, setting);
            update.setString(4, expected);
            boolean replaced = update.executeUpdate() == 1;
            connection.commit();
            return replaced;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot replace the fingerprint of " + setting, e);
        }
    }
}
