package dev.refunds.bootstrap.settlement;

import dev.refunds.bootstrap.support.Backend;

/** {@link SettlementEndToEndContract} on MariaDB (shared with other test classes), one instance with its worker on. */
class SettlementEndToEndOnMariaDbTest extends SettlementEndToEndContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
