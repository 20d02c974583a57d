package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundAmountParsingContract} against MariaDB (shared with other test classes). */
class RefundAmountParsingOnMariaDbTest extends RefundAmountParsingContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
