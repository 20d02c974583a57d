package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link ReviewLifecycleContract} against MariaDB (shared with other test classes). */
class ReviewLifecycleOnMariaDbTest extends ReviewLifecycleContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
