package dev.refunds.application.contract;

import dev.refunds.application.port.BusinessRepository;
import dev.refunds.application.port.PaymentRepository;
import dev.refunds.application.port.RefundRepository;
import dev.refunds.application.port.SettlementQueue;
import dev.refunds.application.port.Transactions;

import java.util.function.Supplier;

/**
 * The storage ports a contract exercises, as one backend provides them: the in-memory fakes the application's tests
 * use, or the JDBC adapters on a database. Every write goes through {@link #inTransaction}, as the use cases do.
 */
public record Storage(Transactions transactions, BusinessRepository businesses, PaymentRepository payments,
                      RefundRepository refunds, SettlementQueue settlement) {

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    public void inTransaction(Runnable work) {
        transactions.inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
