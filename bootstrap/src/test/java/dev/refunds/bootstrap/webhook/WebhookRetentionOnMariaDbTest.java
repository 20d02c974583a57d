package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link WebhookRetentionContract} against MariaDB (shared with other test classes). */
class WebhookRetentionOnMariaDbTest extends WebhookRetentionContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
