package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link PaymentMetadataContract} against MariaDB. */
class PaymentMetadataOnMariaDbTest extends PaymentMetadataContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
