package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundSettlementContract} against MariaDB (shared with other test classes). */
class RefundSettlementOnMariaDbTest extends RefundSettlementContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
