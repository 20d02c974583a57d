package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link WebhookDeliveryContract} against the embedded H2 database. */
class WebhookDeliveryOnH2Test extends WebhookDeliveryContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
