package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link WebhookRestartAndLoadContract} against the embedded H2 database. */
class WebhookRestartAndLoadOnH2Test extends WebhookRestartAndLoadContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
