package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link RotationAndRecoveryContract} against MariaDB (shared with other test classes). */
class RotationAndRecoveryOnMariaDbTest extends RotationAndRecoveryContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
