package dev.refunds.bootstrap.idempotency;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/** The H2 side of {@link FailingRefundInserts}: refuses a new refund row that carries the failing reason. */
public final class RefundInsertFailingTrigger implements Trigger {
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && Arrays.asList(newRow).contains(FailingRefundInserts.REASON)) {
            throw new SQLException("test trigger: this refund insert fails", "HY000");
        }
    }
}
