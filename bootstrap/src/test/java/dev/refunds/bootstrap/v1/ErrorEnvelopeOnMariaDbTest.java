package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link ErrorEnvelopeContract} against MariaDB (shared with other test classes). */
class ErrorEnvelopeOnMariaDbTest extends ErrorEnvelopeContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
