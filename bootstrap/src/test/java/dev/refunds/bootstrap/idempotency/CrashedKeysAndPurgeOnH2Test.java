package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/** Crashed instances' keys, the lease and the purge on the embedded H2 database. */
class CrashedKeysAndPurgeOnH2Test extends CrashedKeysAndPurgeContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
