package dev.refunds.persistence;

import dev.refunds.application.DatabaseUnavailableException;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;

/** Translates at the adapter's edge; the cause is kept, so {@link JdbcTransactions} still sees what to retry. */
@Singleton
@InterceptorBean(DatabaseBoundary.class)
final class DatabaseBoundaryInterceptor implements MethodInterceptor<Object, Object> {
    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            return context.proceed();
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
