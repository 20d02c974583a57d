package dev.refunds.persistence.sandbox;

import dev.refunds.application.settlement.PaymentProcessor.Submission;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.persistence.Times;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sandbox's ledger writes for a batch of submits, in the caller's transaction and in three statements at
 * most: which of them it has already, one call more for those, one multi-row insert for the others. A
 * simultaneous first submit of one of them makes the insert fail on its key; the caller then submits one by one.
 */
final class SandboxLedgerBatch {
    private static final String TABLE = "sandbox_processor_refunds";

    private SandboxLedgerBatch() {
    }

    static void receiveAll(Connection connection, List<Submission> submissions, Instant now, Duration settleDelay)
            throws SQLException {
        Map<String, Submission> byId = new LinkedHashMap<>();
        submissions.forEach(submission -> byId.putIfAbsent(submission.refundId().value(), submission));
        Set<String> known = known(connection, byId.keySet());
        if (!known.isEmpty()) {
            try (PreparedStatement update = prepare(connection, "UPDATE " + TABLE
                    + " SET submit_calls = submit_calls + 1 WHERE refund_id IN (%s)", known, id -> List.of(id), 1)) {
                update.executeUpdate();
            }
        }
        List<Received> fresh = byId.values().stream().filter(submission -> !known.contains(
                submission.refundId().value())).map(s -> Received.of(s.refundId(), s.amount(), now, settleDelay))
                .toList();
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = prepare(connection, "INSERT INTO " + TABLE + " (refund_id, amount_minor,"
                + " currency, received_at_ms, settle_at_ms, outcome, failure_reason, submit_calls, reverse_at_ms)"
                + " VALUES %s", fresh, Received::columns, 9)) {
            insert.executeUpdate();
        }
    }

    private static Set<String> known(Connection connection, Collection<String> ids) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement select = prepare(connection, "SELECT refund_id FROM " + TABLE
                + " WHERE refund_id IN (%s)", ids, id -> List.of(id), 1);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                known.add(rows.getString(1));
            }
        }
        return known;
    }

    /** {@code sql} with its {@code %s} made one placeholder group per item, bound with the items' values. */
    private static <T> PreparedStatement prepare(Connection connection, String sql, Collection<T> items,
                                                 Function<T, List<Object>> values, int columns) throws SQLException {
        String group = columns == 1 ? "?" : "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        PreparedStatement statement = connection.prepareStatement(String.format(sql,
                String.join(", ", Collections.nCopies(items.size(), group))));
        int index = 1;
        for (T item : items) {
            for (Object value : values.apply(item)) {
                if (value == null) {
                    statement.setNull(index++, Types.VARCHAR);
                } else {
                    statement.setObject(index++, value);
                }
            }
        }
        return statement;
    }

    /** What the sandbox records for a refund it receives: its outcome is decided by the amount's last digits. */
    record Received(String refundId, long amountMinor, String currency, long receivedAtMs, long settleAtMs,
                    String outcome, String failureReason, Long reverseAtMs) {
        static Received of(RefundId refundId, Money amount, Instant now, Duration settleDelay) {
            long suffix = amount.minorUnits() % 100;
            boolean fails = suffix == SandboxProcessor.FAILING_MINOR_UNITS_SUFFIX;
            boolean reversed = suffix == SandboxProcessor.REVERSED_MINOR_UNITS_SUFFIX;
            return new Received(refundId.value(), amount.minorUnits(), amount.currency().getCurrencyCode(),
                    Times.millis(now), Times.millis(now.plus(settleDelay)),
                    fails ? "FAILED" : reversed ? "REVERSED" : "SUCCEEDED",
                    fails ? SandboxProcessor.FAILURE_REASON : null,
                    reversed ? Times.millis(now.plus(settleDelay).plus(settleDelay)) : null);
        }

        private List<Object> columns() {
            List<Object> columns = new ArrayList<>(List.of(refundId, amountMinor, currency, receivedAtMs,
                    settleAtMs, outcome));
            columns.add(failureReason);
            columns.add(1);
            columns.add(reverseAtMs);
            return columns;
        }
    }
}
