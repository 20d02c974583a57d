package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/** Crashed instances' keys, the lease and the purge on MariaDB/MySQL. */
class CrashedKeysAndPurgeOnMariaDbTest extends CrashedKeysAndPurgeContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
