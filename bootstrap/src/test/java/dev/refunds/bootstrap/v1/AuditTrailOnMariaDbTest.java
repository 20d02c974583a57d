package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link AuditTrailContract} against MariaDB (shared with other test classes). */
class AuditTrailOnMariaDbTest extends AuditTrailContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
