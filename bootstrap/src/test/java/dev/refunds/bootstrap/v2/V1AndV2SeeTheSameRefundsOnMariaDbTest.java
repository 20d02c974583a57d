package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link V1AndV2SeeTheSameRefundsContract} against MariaDB (shared with other test classes). */
class V1AndV2SeeTheSameRefundsOnMariaDbTest extends V1AndV2SeeTheSameRefundsContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
