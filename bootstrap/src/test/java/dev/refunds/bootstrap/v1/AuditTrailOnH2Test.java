package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link AuditTrailContract} against the embedded H2 database. */
class AuditTrailOnH2Test extends AuditTrailContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
