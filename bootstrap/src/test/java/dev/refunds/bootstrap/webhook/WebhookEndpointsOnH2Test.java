package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link WebhookEndpointsContract} against the embedded H2 database. */
class WebhookEndpointsOnH2Test extends WebhookEndpointsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
