package dev.refunds.application.contract;

import dev.refunds.application.business.BusinessRepository;
import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.refund.RefundRepository;
import dev.refunds.application.settlement.SettlementQueue;
import dev.refunds.application.shared.Transactions;

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
