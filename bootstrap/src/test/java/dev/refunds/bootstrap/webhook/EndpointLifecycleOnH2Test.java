package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link EndpointLifecycleContract} against the embedded H2 database. */
class EndpointLifecycleOnH2Test extends EndpointLifecycleContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
