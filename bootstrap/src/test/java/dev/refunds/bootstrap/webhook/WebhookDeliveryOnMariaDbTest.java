package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link WebhookDeliveryContract} against MariaDB (shared with other test classes). */
class WebhookDeliveryOnMariaDbTest extends WebhookDeliveryContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
