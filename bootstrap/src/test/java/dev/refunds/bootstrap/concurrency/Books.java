package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.JdbcSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One payment's books as the database holds them, read over a plain connection past the service: the payment
 * row's running totals and the refund rows they must agree with.
 */
record Books(String paymentId, long amountMinor, long refundedMinor, long reservedMinor, int countingRefunds,
             Map<String, Refund> refunds) {

    /** Statuses whose amount is still reserved (in flight). */
    static final Set<String> IN_FLIGHT = Set.of("PENDING_REVIEW", "INITIATED", "PROCESSING");

    record Refund(String refundId, long amountMinor, String status) {
    }

    static Books read(JdbcSettings database, String paymentId) {
        try (Connection connection = database.connect()) {
            long amount;
            long refunded;
            long reserved;
            int counting;
            try (PreparedStatement payment = connection.prepareStatement("SELECT amount_minor, refunded_minor,"
                    + " reserved_minor, counting_refunds FROM payments WHERE payment_id = ?")) {
                payment.setString(1, paymentId);
                try (ResultSet row = payment.executeQuery()) {
                    assertThat(row.next()).as("payment %s in the database", paymentId).isTrue();
                    amount = row.getLong(1);
                    refunded = row.getLong(2);
                    reserved = row.getLong(3);
                    counting = row.getInt(4);
                }
            }
            Map<String, Refund> refunds = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT refund_id, amount_minor, status"
                    + " FROM refunds WHERE payment_id = ? ORDER BY seq")) {
                select.setString(1, paymentId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        refunds.put(row.getString(1), new Refund(row.getString(1), row.getLong(2), row.getString(3)));
                    }
                }
            }
            return new Books(paymentId, amount, refunded, reserved, counting, refunds);
        } catch (SQLException e) {
            throw new AssertionError("cannot read the books of " + paymentId + ": " + e, e);
        }
    }

    long sumInFlight() {
        return refunds.values().stream().filter(r -> IN_FLIGHT.contains(r.status())).mapToLong(Refund::amountMinor)
                .sum();
    }

    long sumCompleted() {
        return refunds.values().stream().filter(r -> r.status().equals("COMPLETED")).mapToLong(Refund::amountMinor)
                .sum();
    }

    long countCounting() {
        return refunds.values().stream()
                .filter(r -> IN_FLIGHT.contains(r.status()) || r.status().equals("COMPLETED")).count();
    }

    /** What a new refund could still take: amount − completed − in flight. */
    long refundableMinor() {
        return amountMinor - refundedMinor - reservedMinor;
    }

    /**
     * The payment row agrees with its refund rows: reserved = Σ in flight, refunded = Σ completed, the SINGLE
     * count = number of in-flight or completed refunds, refunded + reserved never above the payment — and, whatever
     * the row's counters say, the refund rows themselves never promise more than the payment.
     */
    Books assertBalanced() {
        assertThat(imbalances()).as("the books of payment %s; refunds: %s", paymentId, refunds.values()).isEmpty();
        return this;
    }

    /** Each way the books disagree, in words; empty when they balance. */
    List<String> imbalances() {
        List<String> found = new ArrayList<>();
        if (reservedMinor != sumInFlight()) {
            found.add("payments.reserved_minor " + reservedMinor + " != Σ refunds in flight " + sumInFlight());
        }
        if (refundedMinor != sumCompleted()) {
            found.add("payments.refunded_minor " + refundedMinor + " != Σ completed refunds " + sumCompleted());
        }
        if (countingRefunds != countCounting()) {
            found.add("payments.counting_refunds " + countingRefunds + " != in-flight or completed refunds "
                    + countCounting());
        }
        if (refundedMinor < 0 || reservedMinor < 0) {
            found.add("negative totals: refunded " + refundedMinor + ", reserved " + reservedMinor);
        }
        if (refundedMinor + reservedMinor > amountMinor) {
            found.add("refunded + reserved " + (refundedMinor + reservedMinor) + " > amount " + amountMinor);
        }
        if (sumInFlight() + sumCompleted() > amountMinor) {
            found.add("refund rows in flight or completed add up to " + (sumInFlight() + sumCompleted())
                    + " > amount " + amountMinor + ": money promised twice");
        }
        return found;
    }
}
