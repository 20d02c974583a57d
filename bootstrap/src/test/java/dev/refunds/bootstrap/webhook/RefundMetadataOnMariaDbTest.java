package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundMetadataContract} against MariaDB. */
class RefundMetadataOnMariaDbTest extends RefundMetadataContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
