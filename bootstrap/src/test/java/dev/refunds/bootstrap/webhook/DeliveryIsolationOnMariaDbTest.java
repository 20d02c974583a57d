package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link DeliveryIsolationContract} against MariaDB (shared with other test classes). */
class DeliveryIsolationOnMariaDbTest extends DeliveryIsolationContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
