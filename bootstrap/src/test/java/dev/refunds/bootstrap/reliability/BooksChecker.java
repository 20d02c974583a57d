package dev.refunds.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.JdbcSettings;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The books every test of this suite ends by checking, in one place, read straight from the database past the
 * service in one consistent snapshot (so it may also run while the service is busy):
 * <ul>
 * <li>every payment: {@code refunded_minor + reserved_minor <= amount_minor}, {@code refunded_minor} = Σ of its
 * {@code COMPLETED} refunds (a {@code REVERSED} one no longer counts), {@code reserved_minor} = Σ of its
 * {@code PENDING_REVIEW}/{@code INITIATED}/{@code PROCESSING} ones, {@code counting_refunds} = how many are in
 * flight or completed, and {@code REFUNDED} exactly when the whole amount is refunded; an unpaid or cancelled
 * payment has no refunds;</li>
 * <li>the sandbox processor: every refund it saw exists (once) in {@code refunds}; every {@code COMPLETED} refund
 * was seen by it exactly once and succeeded there (or is due to be reversed there); every {@code REVERSED} refund
 * was reversed there; a refund it saw was never rejected, cancelled or left in review, and a {@code FAILED} refund
 * did not succeed there;</li>
 * <li>the outbox: every refund has its one {@code refund.created} event and then one event per later status
 * ({@code refund.approved}, {@code refund.processing}, {@code payment.refunded}, {@code payment.refund_failed},
 * {@code refund.rejected}, {@code refund.cancelled}, {@code payment.refund_reversed}; {@code refund.updated}
 * changes metadata only and carries the status of the moment), each a legal move (API.md's statuses), ending at
 * the refund's status, each carrying that status in its body.</li>
 * </ul>
 * The transition table is written out here rather than taken from the domain: a checker that used the code's own
 * rules could not catch the code breaking them.
 */
public final class BooksChecker {
    private static final int READ_ATTEMPTS = 5;
    static final Set<String> IN_FLIGHT = Set.of("PENDING_REVIEW", "INITIATED", "PROCESSING");
    private static final Set<String> PAYMENT_STATUSES = Set.of("PENDING", "COMPLETED", "CANCELLED", "REFUNDED");
    private static final Map<String, Set<String>> LEGAL = Map.of(
            "PENDING_REVIEW", Set.of("INITIATED", "REJECTED", "CANCELLED"),
            "INITIATED", Set.of("PROCESSING", "CANCELLED", "FAILED"),
            "PROCESSING", Set.of("COMPLETED", "FAILED"),
            "COMPLETED", Set.of("REVERSED"));
    private static final Map<String, String> EVENT_TARGET = Map.of(
            "refund.approved", "INITIATED",
            "refund.processing", "PROCESSING",
            "payment.refunded", "COMPLETED",
            "payment.refund_failed", "FAILED",
            "refund.rejected", "REJECTED",
            "refund.cancelled", "CANCELLED",
            "payment.refund_reversed", "REVERSED");

    /** What one check looked at and found. */
    public record Report(int payments, int refunds, int events, int processorRows, int resubmittedAtProcessor,
                  List<String> violations) {
        boolean clean() {
            return violations.isEmpty();
        }

        String summary() {
            return payments + " payments, " + refunds + " refunds, " + events + " outbox events, " + processorRows
                    + " processor rows (" + resubmittedAtProcessor + " submitted more than once, one row each): "
                    + violations.size() + " invariant violations";
        }
    }

    private record PaymentRow(String id, String business, long amount, String currency, String status,
                              long refunded, long reserved, int counting) {
    }

    private record RefundRow(String id, String payment, String business, long amount, String currency,
                             String status, boolean claimed) {
    }

    private record EventRow(String type, String business, String payment, String statusInBody) {
    }

    private record ProcessorRow(String refundId, long amount, String currency, String outcome, int submitCalls) {
    }

    private final JdbcSettings database;
    private final Set<String> businesses;
    private final long processorRowsSinceMs;

    private BooksChecker(JdbcSettings database, Set<String> businesses, long processorRowsSinceMs) {
        this.database = database;
        this.businesses = businesses;
        this.processorRowsSinceMs = processorRowsSinceMs;
    }

    /** The whole database. */
    static BooksChecker of(JdbcSettings database) {
        return new BooksChecker(database, Set.of(), 0);
    }

    /**
     * Only these businesses' books (the MariaDB test database is shared with other suites, some of which leave
     * rows half-way on purpose); processor rows that belong to no refund at all are looked for among those the
     * processor received from {@code sinceMs} on.
     */
    public static BooksChecker of(JdbcSettings database, Collection<String> businessIds, long sinceMs) {
        if (businessIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one business, or check the whole database");
        }
        return new BooksChecker(database, Set.copyOf(businessIds), sinceMs);
    }

    /** Each broken rule, in words; empty when the books balance. */
    List<String> violations() {
        return check().violations();
    }

    /** Checks, prints the report and asserts it is clean. */
    public Report assertClean(String when) {
        Report report = check();
        System.out.println("BooksChecker (" + when + "): " + report.summary());
        report.violations().forEach(violation -> System.out.println("  VIOLATION " + violation));
        assertThat(report.violations()).as("invariant violations %s", when).isEmpty();
        return report;
    }

    /**
     * On Galera the read is causal ({@code wsrep_sync_wait=1}): it waits until its node has applied what the cluster
     * committed, and a node still catching up after the faults answers 1205 when that wait times out. A read-only
     * snapshot is safe to take again, so a transient refusal is retried a few times before the check gives up.
     */
    Report check() {
        for (int attempt = 1; ; attempt++) {
            try {
                return checkOnce();
            } catch (SQLException e) {
                if (attempt >= READ_ATTEMPTS || !isTransient(e)) {
                    throw new IllegalStateException("cannot read the books: " + e, e);
                }
                System.out.println("BooksChecker: attempt " + attempt + " refused (" + e.getMessage() + "), again");
                Reliability.pause(2000L * attempt);
            }
        }
    }

    private static boolean isTransient(SQLException e) {
        return e instanceof java.sql.SQLTransientException || e.getErrorCode() == 1205 || e.getErrorCode() == 1213
                || (e.getSQLState() != null && e.getSQLState().startsWith("40"));
    }

    private Report checkOnce() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return check(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private Report check(Connection connection) throws SQLException {
        List<String> violations = new ArrayList<>();
        Map<String, PaymentRow> payments = payments(connection);
        Map<String, RefundRow> refunds = new LinkedHashMap<>();
        Map<String, Integer> refundRowCounts = new HashMap<>();
        for (RefundRow refund : refunds(connection)) {
            refundRowCounts.merge(refund.id(), 1, Integer::sum);
            refunds.put(refund.id(), refund);
        }
        refundRowCounts.forEach((id, count) -> {
            if (count > 1) {
                violations.add("refund " + id + " has " + count + " rows in refunds");
            }
        });
        Map<String, List<EventRow>> events = events(connection, violations);
        Map<String, ProcessorRow> processor = processorRows(connection);

        Map<String, List<RefundRow>> byPayment = new HashMap<>();
        for (RefundRow refund : refunds.values()) {
            PaymentRow payment = payments.get(refund.payment());
            if (payment == null) {
                violations.add("refund " + refund.id() + " belongs to payment " + refund.payment()
                        + ", which does not exist (in this business)");
                continue;
            }
            byPayment.computeIfAbsent(payment.id(), id -> new ArrayList<>()).add(refund);
            if (!payment.business().equals(refund.business())) {
                violations.add("refund " + refund.id() + " is of business " + refund.business() + " but its payment "
                        + payment.id() + " is of " + payment.business());
            }
            if (!payment.currency().equals(refund.currency())) {
                violations.add("refund " + refund.id() + " is in " + refund.currency() + ", its payment in "
                        + payment.currency());
            }
            if (refund.amount() <= 0) {
                violations.add("refund " + refund.id() + " has amount_minor " + refund.amount());
            }
        }
        for (PaymentRow payment : payments.values()) {
            checkPayment(payment, byPayment.getOrDefault(payment.id(), List.of()), violations);
        }
        int resubmitted = 0;
        for (RefundRow refund : refunds.values()) {
            checkEvents(refund, events.getOrDefault(refund.id(), List.of()), violations);
            ProcessorRow seen = processor.get(refund.id());
            checkProcessor(refund, seen, violations);
            if (seen != null && seen.submitCalls() > 1) {
                resubmitted++;
            }
        }
        for (String orphan : orphanProcessorRows(connection)) {
            violations.add("the processor received refund " + orphan + ", which does not exist in refunds");
        }
        for (String refundId : events.keySet()) {
            if (!refunds.containsKey(refundId)) {
                violations.add("outbox events name refund " + refundId + ", which does not exist (in its business)");
            }
        }
        int eventCount = events.values().stream().mapToInt(List::size).sum();
        return new Report(payments.size(), refunds.size(), eventCount, processor.size(), resubmitted,
                List.copyOf(violations));
    }

    private static void checkPayment(PaymentRow payment, List<RefundRow> refunds, List<String> violations) {
        String p = "payment " + payment.id() + " (" + payment.status() + ", amount " + payment.amount() + ")";
        long completed = refunds.stream().filter(r -> r.status().equals("COMPLETED")).mapToLong(RefundRow::amount)
                .sum();
        long inFlight = refunds.stream().filter(r -> IN_FLIGHT.contains(r.status())).mapToLong(RefundRow::amount)
                .sum();
        long counting = refunds.stream().filter(r -> IN_FLIGHT.contains(r.status())
                || r.status().equals("COMPLETED")).count();
        if (!PAYMENT_STATUSES.contains(payment.status())) {
            violations.add(p + ": unknown status");
        }
        if (payment.amount() <= 0) {
            violations.add(p + ": amount_minor is not positive");
        }
        if (payment.refunded() < 0 || payment.reserved() < 0) {
            violations.add(p + ": negative totals, refunded_minor " + payment.refunded() + ", reserved_minor "
                    + payment.reserved());
        }
        if (payment.refunded() + payment.reserved() > payment.amount()) {
            violations.add(p + ": refunded_minor " + payment.refunded() + " + reserved_minor " + payment.reserved()
                    + " > amount_minor " + payment.amount());
        }
        if (payment.refunded() != completed) {
            violations.add(p + ": refunded_minor " + payment.refunded() + " != Σ COMPLETED refunds " + completed);
        }
        if (payment.reserved() != inFlight) {
            violations.add(p + ": reserved_minor " + payment.reserved() + " != Σ refunds in review or in flight "
                    + inFlight);
        }
        if (payment.counting() != counting) {
            violations.add(p + ": counting_refunds " + payment.counting() + " != refunds in flight or completed "
                    + counting);
        }
        if (completed + inFlight > payment.amount()) {
            violations.add(p + ": its refund rows in flight or completed add up to " + (completed + inFlight)
                    + ", more than the payment");
        }
        boolean whollyRefunded = payment.amount() > 0 && payment.refunded() == payment.amount();
        if (payment.status().equals("REFUNDED") != whollyRefunded) {
            violations.add(p + ": status " + payment.status() + " but refunded_minor " + payment.refunded()
                    + (whollyRefunded ? " is the whole amount (must be REFUNDED)" : " is not the whole amount"));
        }
        if ((payment.status().equals("PENDING") || payment.status().equals("CANCELLED")) && !refunds.isEmpty()) {
            violations.add(p + ": an unpaid or cancelled payment has refunds " + refunds.stream()
                    .map(RefundRow::id).toList());
        }
    }

    private static void checkEvents(RefundRow refund, List<EventRow> events, List<String> violations) {
        String r = "refund " + refund.id() + " (" + refund.status() + ")";
        if (events.isEmpty()) {
            violations.add(r + ": no outbox events at all (refund.created is missing)");
            return;
        }
        long created = events.stream().filter(e -> e.type().equals("refund.created")).count();
        if (created != 1) {
            violations.add(r + ": " + created + " refund.created events, expected exactly one; events "
                    + types(events));
        }
        EventRow first = events.get(0);
        if (!first.type().equals("refund.created")) {
            violations.add(r + ": first event is " + first.type() + ", not refund.created; events " + types(events));
            return;
        }
        String state = first.statusInBody();
        if (!"PENDING_REVIEW".equals(state) && !"INITIATED".equals(state)) {
            violations.add(r + ": refund.created carries status " + state
                    + ", expected PENDING_REVIEW or INITIATED");
            return;
        }
        for (EventRow event : events) {
            if (!event.business().equals(refund.business()) || !event.payment().equals(refund.payment())) {
                violations.add(r + ": event " + event.type() + " names business " + event.business()
                        + " and payment " + event.payment());
            }
        }
        for (EventRow event : events.subList(1, events.size())) {
            if (event.type().equals("refund.updated")) {   // metadata only: the status stays as it was
                if (!state.equals(event.statusInBody())) {
                    violations.add(r + ": refund.updated carries status " + event.statusInBody() + ", expected "
                            + state);
                }
                continue;
            }
            String target = EVENT_TARGET.get(event.type());
            if (target == null) {
                violations.add(r + ": unexpected event " + event.type() + " after refund.created; events "
                        + types(events));
                return;
            }
            if (!LEGAL.getOrDefault(state, Set.of()).contains(target)) {
                violations.add(r + ": event " + event.type() + " moves it from " + state + " to " + target
                        + ", not a legal move; events " + types(events));
                return;
            }
            if (!target.equals(event.statusInBody())) {
                violations.add(r + ": event " + event.type() + " carries status " + event.statusInBody()
                        + ", expected " + target);
            }
            state = target;
        }
        if (!state.equals(refund.status())) {
            violations.add(r + ": its events end at " + state + " but the refund is " + refund.status()
                    + " (an event is missing or extra); events " + types(events));
        }
    }

    private static void checkProcessor(RefundRow refund, ProcessorRow seen, List<String> violations) {
        String r = "refund " + refund.id() + " (" + refund.status() + ")";
        switch (refund.status()) {
            case "COMPLETED" -> {
                if (seen == null) {
                    violations.add(r + ": COMPLETED but the processor never received it");
                } else if (!seen.outcome().equals("SUCCEEDED") && !seen.outcome().equals("REVERSED")) {
                    violations.add(r + ": COMPLETED but the processor's outcome is " + seen.outcome());
                }
            }
            case "REVERSED" -> {
                if (seen == null || !seen.outcome().equals("REVERSED")) {
                    violations.add(r + ": REVERSED but the processor "
                            + (seen == null ? "never received it" : "says " + seen.outcome()));
                }
            }
            case "FAILED" -> {
                if (seen != null && !seen.outcome().equals("FAILED")) {
                    violations.add(r + ": FAILED but the processor refunded it (outcome " + seen.outcome() + ")");
                }
            }
            case "PENDING_REVIEW", "REJECTED", "CANCELLED" -> {
                if (seen != null) {
                    violations.add(r + ": the processor received it (" + seen.submitCalls()
                            + " submit calls), yet it was never approved for sending or it was cancelled");
                }
            }
            case "INITIATED" -> {
                if (seen != null && !refund.claimed()) {
                    violations.add(r + ": at the processor but never claimed for sending (still cancellable)");
                }
            }
            case "PROCESSING" -> {
                if (seen == null) {
                    violations.add(r + ": PROCESSING but the processor never received it");
                }
            }
            default -> violations.add(r + ": unknown refund status");
        }
        if (seen != null) {
            if (seen.amount() != refund.amount() || !seen.currency().equals(refund.currency())) {
                violations.add(r + ": the processor holds " + seen.amount() + " " + seen.currency()
                        + ", the refund is " + refund.amount() + " " + refund.currency());
            }
            if (seen.submitCalls() < 1) {
                violations.add(r + ": processor row with submit_calls " + seen.submitCalls());
            }
        }
    }

    private static List<String> types(List<EventRow> events) {
        return events.stream().map(EventRow::type).toList();
    }

    private String scope(String column) {
        if (businesses.isEmpty()) {
            return "";
        }
        return " WHERE " + column + " IN (" + businesses.stream().map(b -> "?").collect(Collectors.joining(","))
                + ")";
    }

    private PreparedStatement scoped(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int i = 1;
        for (String business : businesses) {
            statement.setString(i++, business);
        }
        return statement;
    }

    private Map<String, PaymentRow> payments(Connection connection) throws SQLException {
        Map<String, PaymentRow> rows = new LinkedHashMap<>();
        try (PreparedStatement select = scoped(connection, "SELECT payment_id, business_id, amount_minor, currency,"
                + " status, refunded_minor, reserved_minor, counting_refunds FROM payments" + scope("business_id")
                + " ORDER BY seq");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.put(row.getString(1), new PaymentRow(row.getString(1), row.getString(2), row.getLong(3),
                        row.getString(4), row.getString(5), row.getLong(6), row.getLong(7), row.getInt(8)));
            }
        }
        return rows;
    }

    private List<RefundRow> refunds(Connection connection) throws SQLException {
        List<RefundRow> rows = new ArrayList<>();
        try (PreparedStatement select = scoped(connection, "SELECT refund_id, payment_id, business_id, amount_minor,"
                + " currency, status, claimed_at_ms FROM refunds" + scope("business_id") + " ORDER BY seq");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                row.getLong(7);
                boolean claimed = !row.wasNull();
                rows.add(new RefundRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getString(5), row.getString(6), claimed));
            }
        }
        return rows;
    }

    private Map<String, List<EventRow>> events(Connection connection, List<String> violations) throws SQLException {
        Map<String, List<EventRow>> rows = new LinkedHashMap<>();
        try (PreparedStatement select = scoped(connection, "SELECT subject_id, event_type, business_id, payment_id,"
                + " payload FROM outbox_events" + scope("business_id") + " ORDER BY seq");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String status = null;
                try {
                    JsonNode body = Api.JSON.readTree(row.getString(5));
                    status = body.path("data").path("refund").path("status").asText(null);
                    if (!row.getString(2).equals(body.path("type").asText(null))) {
                        violations.add("outbox event of refund " + row.getString(1) + " is " + row.getString(2)
                                + " but its body says " + body.path("type").asText(null));
                    }
                } catch (IOException e) {
                    violations.add("outbox event " + row.getString(2) + " of refund " + row.getString(1)
                            + " has a body that is not JSON");
                }
                rows.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(
                        new EventRow(row.getString(2), row.getString(3), row.getString(4), status));
            }
        }
        return rows;
    }

    private Map<String, ProcessorRow> processorRows(Connection connection) throws SQLException {
        Map<String, ProcessorRow> rows = new HashMap<>();
        String sql = "SELECT s.refund_id, s.amount_minor, s.currency, s.outcome, s.submit_calls"
                + " FROM sandbox_processor_refunds s"
                + (businesses.isEmpty() ? "" : " JOIN refunds r ON r.refund_id = s.refund_id" + scope("r.business_id"));
        try (PreparedStatement select = scoped(connection, sql); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.put(row.getString(1), new ProcessorRow(row.getString(1), row.getLong(2), row.getString(3),
                        row.getString(4), row.getInt(5)));
            }
        }
        return rows;
    }

    private List<String> orphanProcessorRows(Connection connection) throws SQLException {
        List<String> orphans = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT s.refund_id"
                + " FROM sandbox_processor_refunds s LEFT JOIN refunds r ON r.refund_id = s.refund_id"
                + " WHERE r.refund_id IS NULL AND s.received_at_ms >= ?")) {
            select.setLong(1, processorRowsSinceMs);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    orphans.add(row.getString(1));
                }
            }
        }
        return orphans;
    }

    /** The refund ids of these businesses, for "no phantom refund" comparisons. */
    static Set<String> refundIds(JdbcSettings database, Collection<String> businessIds) {
        return ids(database, "refunds", "refund_id", businessIds);
    }

    static Set<String> paymentIds(JdbcSettings database, Collection<String> businessIds) {
        return ids(database, "payments", "payment_id", businessIds);
    }

    private static Set<String> ids(JdbcSettings database, String table, String column,
                                   Collection<String> businessIds) {
        if (businessIds.isEmpty()) {
            return Collections.emptySet();
        }
        String sql = "SELECT " + column + " FROM " + table + " WHERE business_id IN ("
                + businessIds.stream().map(b -> "?").collect(Collectors.joining(",")) + ")";
        Set<String> ids = new LinkedHashSet<>();
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            for (String business : businessIds) {
                select.setString(i++, business);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return ids;
    }
}
