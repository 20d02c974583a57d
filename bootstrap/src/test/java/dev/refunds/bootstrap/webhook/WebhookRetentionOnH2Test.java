package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link WebhookRetentionContract} against the embedded H2 database. */
class WebhookRetentionOnH2Test extends WebhookRetentionContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
