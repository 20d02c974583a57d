package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link WebhookRestartAndLoadContract} against MariaDB (shared with other test classes). */
class WebhookRestartAndLoadOnMariaDbTest extends WebhookRestartAndLoadContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
