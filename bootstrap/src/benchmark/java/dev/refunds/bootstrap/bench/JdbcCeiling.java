package dev.refunds.bootstrap.bench;

import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own ceiling for refund requests: the rows one accepted refund writes, done straight over JDBC
 * with as many connections as the service's pool, in a closed loop. Two shapes of the same writes:
 * <ul>
 *   <li>{@link Shape#MINIMAL}: one transaction: lock the payment ({@code SELECT … FOR UPDATE}), insert the refund,
 *       update the payment, insert the outbox event, insert the idempotency record with its response; commit.</li>
 *   <li>{@link Shape#SERVICE}: the statement sequence the service sends today (read from the driver's statement
 *       log, {@code profileSQL=true}): since the merchant lookup is cached and a new key is inserted once with its
 *       response, the same statements in the same order as {@code MINIMAL}. Its gap to the service is Java.</li>
 * </ul>
 * Rows are the real tables' rows with payloads of the real sizes, so index and log work is the same.
 */
final class JdbcCeiling {
    enum Shape { MINIMAL, SERVICE }

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    record Result(Shape shape, int connections, int payments, double seconds, long committed, long failed,
                  Histogram txUs) {
        double perSecond() {
            return committed / seconds;
        }
    }

    private static final String LOCK_PAYMENT =
            "SELECT * FROM payments WHERE business_id = ? AND payment_id = ? FOR UPDATE";
    private static final String INSERT_REFUND = "INSERT INTO refunds (payment_id,business_id,amount_minor,currency,"
            + "status,reason,merchant_ref,reject_reason,failure_reason,initiated_at_ms,updated_at_ms,completed_at_ms,"
            + "refund_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UPDATE_PAYMENT = "UPDATE payments SET pay_id=?,business_id=?,amount_minor=?,"
            + "currency=?,payment_type=?,status=?,refunded_minor=?,reserved_minor=?,counting_refunds=?,"
            + "dispute_status=?,merchant_ref=?,description=?,created_at_ms=?,completed_at_ms=? WHERE (payment_id = ?)";
    private static final String INSERT_EVENT = "INSERT INTO outbox_events (business_id,event_type,subject_id,"
            + "payment_id,payload,occurred_at_ms,relayed_at_ms,event_id) VALUES (?,?,?,?,?,?,?,?)";
    private static final String INSERT_KEY_DONE = "INSERT INTO idempotency_keys (scope, idem_key, request_hash,"
            + " owner_token, lease_until_ms, response_status, response_body, created_at_ms)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private JdbcCeiling() {
    }

    /** A business and {@code count} completed payments of its own, written directly. */
    static List<String> preparePayments(ConnectionSource db, String businessId, int count, String tag)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement business = c.prepareStatement("INSERT INTO businesses (business_id, client_id,"
                    + " name, review_mode, refund_mode, review_above, api_key_hash, created_at_ms)"
                    + " VALUES (?, ?, ?, 'AUTO', 'MULTIPLE', NULL, ?, ?)")) {
                business.setString(1, businessId);
                business.setString(2, "HM_" + businessId.substring(3));
                business.setString(3, "JDBC ceiling " + tag);
                business.setString(4, "0".repeat(64));
                business.setLong(5, now);
                business.executeUpdate();
            }
            long payIdBase = (ThreadLocalRandom.current().nextLong(1L << 40) + 1) << 12;
            try (PreparedStatement payment = c.prepareStatement("INSERT INTO payments (payment_id, pay_id,"
                    + " business_id, amount_minor, currency, payment_type, status, refunded_minor, reserved_minor,"
                    + " counting_refunds, dispute_status, merchant_ref, description, created_at_ms, completed_at_ms)"
                    + " VALUES (?, ?, ?, ?, 'BDT', 'LINK', 'COMPLETED', 0, 0, 0, NULL, NULL, NULL, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String id = String.format("PAY_%s_%010d", tag, i);
                    payment.setString(1, id);
                    payment.setLong(2, payIdBase + i);
                    payment.setString(3, businessId);
                    payment.setLong(4, 10_000_000_000L);
                    payment.setLong(5, now);
                    payment.setLong(6, now);
                    payment.addBatch();
                    ids.add(id);
                }
                payment.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    static Result run(ConnectionSource db, Shape shape, int connections, String businessId, List<String> payments,
                      double warmupSeconds, double measureSeconds) throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + BenchLoad.seconds(warmupSeconds);
        long measureTo = measureFrom + BenchLoad.seconds(measureSeconds);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(db, shape, businessId, payments, start, measureFrom, measureTo);
            workers.add(worker);
            Thread thread = new Thread(worker, "ceiling-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(10));
        }
        Histogram all = new Histogram(BenchLoad.HIGHEST_US, 3);
        long committed = 0;
        long failed = 0;
        for (Worker worker : workers) {
            if (worker.error != null) {
                throw new IllegalStateException("ceiling connection failed", worker.error);
            }
            all.add(worker.txUs);
            committed += worker.committed;
            failed += worker.failed;
        }
        return new Result(shape, connections, payments.size(), measureSeconds, committed, failed, all);
    }

    private static final class Worker implements Runnable {
        private final ConnectionSource db;
        private final Shape shape;
        private final String businessId;
        private final List<String> payments;
        private final long start;
        private final long measureFrom;
        private final long measureTo;
        final Histogram txUs = new Histogram(BenchLoad.HIGHEST_US, 3);
        long committed;
        long failed;
        Exception error;

        Worker(ConnectionSource db, Shape shape, String businessId, List<String> payments, long start,
               long measureFrom, long measureTo) {
            this.db = db;
            this.shape = shape;
            this.businessId = businessId;
            this.payments = payments;
            this.start = start;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        @Override
        public void run() {
            try (Connection c = db.open()) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(false);
                Statements s = new Statements(c);
                BenchLoad.sleepUntil(start);
                for (long n = 0; n < 100_000_000L; n++) {
                    long begun = System.nanoTime();
                    if (begun >= measureTo) {
                        break;
                    }
                    String payment = payments.get(ThreadLocalRandom.current().nextInt(payments.size()));
                    boolean ok;
                    try {
                        if (shape == Shape.MINIMAL) {
                            minimal(c, s, payment);
                        } else {
                            service(c, s, payment);
                        }
                        ok = true;
                    } catch (SQLException e) {
                        ok = false;
                        try {
                            c.rollback();
                        } catch (SQLException ignored) {
                            // the next attempt fails too, and says why
                        }
                    }
                    long done = System.nanoTime();
                    if (done >= measureFrom && done <= measureTo) {
                        if (ok) {
                            committed++;
                            txUs.recordValue(Math.min(BenchLoad.HIGHEST_US, Math.max(1, (done - begun) / 1000)));
                        } else {
                            failed++;
                        }
                    }
                }
                s.close();
            } catch (Exception e) {
                error = e;
            }
        }

        /** The five writes in one transaction. */
        private void minimal(Connection c, Statements s, String payment) throws SQLException {
            long now = System.currentTimeMillis();
            String refundId = refundId();
            PaymentRow row = lockPayment(s, payment);
            insertRefund(s, payment, refundId, now);
            updatePayment(s, row, payment);
            insertEvent(s, payment, refundId, now);
            s.insertKeyDone.setString(1, businessId);
            s.insertKeyDone.setString(2, "ceiling-" + refundId);
            s.insertKeyDone.setString(3, HASH);
            s.insertKeyDone.setString(4, UUID.randomUUID().toString());
            s.insertKeyDone.setLong(5, now + 30_000);
            s.insertKeyDone.setInt(6, 202);
            s.insertKeyDone.setString(7, responseBody(refundId, payment, now));
            s.insertKeyDone.setLong(8, now);
            s.insertKeyDone.executeUpdate();
            c.commit();
        }

        /**
         * The service's statements, in its order, with its transaction boundaries. They are now the minimal
         * writes themselves: the merchant read is cached, and the key is inserted once, with its response, after
         * the refund's writes. Measured apart all the same: 1 against 1b shows the run-to-run spread.
         */
        private void service(Connection c, Statements s, String payment) throws SQLException {
            minimal(c, s, payment);
        }

        private PaymentRow lockPayment(Statements s, String payment) throws SQLException {
            s.lockPayment.setString(1, businessId);
            s.lockPayment.setString(2, payment);
            try (ResultSet rs = s.lockPayment.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no payment " + payment);
                }
                return new PaymentRow(rs.getLong("pay_id"), rs.getLong("amount_minor"), rs.getLong("refunded_minor"),
                        rs.getLong("reserved_minor"), rs.getInt("counting_refunds"), rs.getLong("created_at_ms"),
                        rs.getLong("completed_at_ms"));
            }
        }

        private void insertRefund(Statements s, String payment, String refundId, long now) throws SQLException {
            PreparedStatement p = s.insertRefund;
            p.setString(1, payment);
            p.setString(2, businessId);
            p.setLong(3, 100);
            p.setString(4, "BDT");
            p.setString(5, "INITIATED");
            p.setString(6, "benchmark refund");
            p.setNull(7, Types.VARCHAR);
            p.setNull(8, Types.VARCHAR);
            p.setNull(9, Types.VARCHAR);
            p.setLong(10, now);
            p.setLong(11, now);
            p.setNull(12, Types.BIGINT);
            p.setString(13, refundId);
            p.executeUpdate();
        }

        private void updatePayment(Statements s, PaymentRow row, String payment) throws SQLException {
            PreparedStatement p = s.updatePayment;
            p.setLong(1, row.payId);
            p.setString(2, businessId);
            p.setLong(3, row.amountMinor);
            p.setString(4, "BDT");
            p.setString(5, "LINK");
            p.setString(6, "COMPLETED");
            p.setLong(7, row.refundedMinor);
            p.setLong(8, row.reservedMinor + 100);
            p.setInt(9, row.countingRefunds + 1);
            p.setNull(10, Types.VARCHAR);
            p.setNull(11, Types.VARCHAR);
            p.setNull(12, Types.VARCHAR);
            p.setLong(13, row.createdAtMs);
            p.setLong(14, row.completedAtMs);
            p.setString(15, payment);
            if (p.executeUpdate() != 1) {
                throw new SQLException("payment not updated");
            }
        }

        private void insertEvent(Statements s, String payment, String refundId, long now) throws SQLException {
            PreparedStatement p = s.insertEvent;
            p.setString(1, businessId);
            p.setString(2, "refund.created");
            p.setString(3, refundId);
            p.setString(4, payment);
            p.setString(5, eventPayload(refundId, payment, now));
            p.setLong(6, now);
            p.setNull(7, Types.BIGINT);
            p.setString(8, String.format("evt_C%019d", SEQUENCE.incrementAndGet()));
            p.executeUpdate();
        }
    }

    private record PaymentRow(long payId, long amountMinor, long refundedMinor, long reservedMinor,
                              int countingRefunds, long createdAtMs, long completedAtMs) {
    }

    private static final class Statements {
        final PreparedStatement lockPayment;
        final PreparedStatement insertRefund;
        final PreparedStatement updatePayment;
        final PreparedStatement insertEvent;
        final PreparedStatement insertKeyDone;

        Statements(Connection c) throws SQLException {
            lockPayment = c.prepareStatement(LOCK_PAYMENT);
            insertRefund = c.prepareStatement(INSERT_REFUND);
            updatePayment = c.prepareStatement(UPDATE_PAYMENT);
            insertEvent = c.prepareStatement(INSERT_EVENT);
            insertKeyDone = c.prepareStatement(INSERT_KEY_DONE);
        }

        void close() throws SQLException {
            for (PreparedStatement p : new PreparedStatement[] {lockPayment, insertRefund,
                    updatePayment, insertEvent, insertKeyDone}) {
                p.close();
            }
        }
    }

    private static final String HASH = "b9980e7b61b5a07c662649b9f2e9c87c921d60a69f920c2e77e18fd07419df9f";

    private static String refundId() {
        return String.format("REF_C%018d", SEQUENCE.incrementAndGet());
    }

    /** The same fields and size as the service's refund.created body (about 690 bytes). */
    static String eventPayload(String refundId, String paymentId, long now) {
        String at = Instant.ofEpochMilli(now).toString();
        return "{\"type\":\"refund.created\",\"timestamp\":\"" + at + "\",\"data\":{\"refund\":" + refundView(refundId,
                paymentId, at) + ",\"payment\":{\"paymentId\":\"" + paymentId + "\",\"payId\":5463056983136057,"
                + "\"amount\":\"100000000.00\",\"currency\":\"BDT\",\"type\":\"LINK\",\"status\":\"COMPLETED\","
                + "\"refundTotal\":\"0.00\",\"refundableAmount\":\"99999998.00\",\"disputed\":false,"
                + "\"merchantRef\":null,\"description\":null,\"createdAt\":\"" + at + "\",\"completedAt\":\"" + at
                + "\"}}}";
    }

    /** The same fields and size as the service's 202 answer (about 300 bytes). */
    static String responseBody(String refundId, String paymentId, long now) {
        return "{\"status\":\"success\",\"data\":" + refundView(refundId, paymentId, Instant.ofEpochMilli(now)
                .toString()) + "}";
    }

    private static String refundView(String refundId, String paymentId, String at) {
        return "{\"refundId\":\"" + refundId + "\",\"paymentId\":\"" + paymentId + "\",\"amount\":\"1.00\","
                + "\"currency\":\"BDT\",\"status\":\"INITIATED\",\"reason\":\"benchmark refund\","
                + "\"merchantRef\":null,\"rejectReason\":null,\"failureReason\":null,\"initiatedAt\":\"" + at
                + "\",\"completedAt\":null}";
    }
}
