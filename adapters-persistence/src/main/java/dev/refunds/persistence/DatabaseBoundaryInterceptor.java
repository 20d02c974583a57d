package dev.refunds.persistence;

import dev.refunds.application.DatabaseUnavailableException;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import dev.refunds.application.shared.Transactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * Translates at the adapter's edge; the cause is kept, so {@link JdbcTransactions} still sees what to retry. A call
 * made outside any transaction runs in a transaction of its own, committed when the call returns: pooled
 * connections are not in auto-commit ({@link PooledConnectionsWithoutAutoCommit}), and this is what auto-commit
 * gave such a call (a write kept, a read that leaves nothing open). {@link Transactions} itself is not wrapped: it
 * owns its transaction and the retries.
 */
@Singleton
@InterceptorBean(DatabaseBoundary.class)
final class DatabaseBoundaryInterceptor implements MethodInterceptor<Object, Object> {
    private final TransactionOperations<Connection> transactions;

    DatabaseBoundaryInterceptor(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            if (context.getTarget() instanceof Transactions || transactions.findTransactionStatus().isPresent()) {
                return context.proceed();
            }
            return transactions.executeWrite(status -> context.proceed());
        } catch (DatabaseUnavailableException alreadyTranslated) {
            throw alreadyTranslated;
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                throw new DatabaseUnavailableException("database unavailable: " + DatabaseErrors.describe(e), e);
            }
            throw e;
        }
    }
}
