package dev.refunds.bootstrap.settlement;

import dev.refunds.bootstrap.support.Backend;

/** {@link SettlementCrashContract} on MariaDB (shared with other test classes). */
class SettlementCrashOnMariaDbTest extends SettlementCrashContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
