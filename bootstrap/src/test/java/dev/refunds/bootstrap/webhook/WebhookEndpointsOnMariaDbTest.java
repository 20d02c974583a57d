package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link WebhookEndpointsContract} against MariaDB (shared with other test classes). */
class WebhookEndpointsOnMariaDbTest extends WebhookEndpointsContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
