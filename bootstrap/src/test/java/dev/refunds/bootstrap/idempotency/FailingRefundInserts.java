package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/**
 * Makes the database fail the insert of a refund whose reason is {@link #REASON}, and only that: a server error
 * in the middle of a request, after its key was claimed. A trigger, dropped again on {@link #close()}; on the
 * shared MariaDB database it fires for no other test's refund.
 */
final class FailingRefundInserts implements AutoCloseable {
    static final String REASON = "idempotency test: the database fails this insert";
    private static final String TRIGGER = "idem_test_fail_refund_insert";

    private final Database database;

    private FailingRefundInserts(Database database) {
        this.database = database;
    }

    static FailingRefundInserts install(Backend backend, Database database) {
        database.execute("DROP TRIGGER IF EXISTS " + TRIGGER);
        if (backend == Backend.H2) {
            database.execute("CREATE TRIGGER " + TRIGGER + " BEFORE INSERT ON refunds FOR EACH ROW CALL '"
                    + RefundInsertFailingTrigger.class.getName() + "'");
        } else {
            database.execute("CREATE TRIGGER " + TRIGGER + " BEFORE INSERT ON refunds FOR EACH ROW BEGIN"
                    + " IF NEW.reason = '" + REASON + "' THEN"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test trigger: this refund insert fails';"
                    + " END IF; END");
        }
        return new FailingRefundInserts(database);
    }

    @Override
    public void close() {
        database.execute("DROP TRIGGER IF EXISTS " + TRIGGER);
    }
}
