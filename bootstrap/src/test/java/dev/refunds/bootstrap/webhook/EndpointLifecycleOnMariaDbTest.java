package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link EndpointLifecycleContract} against MariaDB (shared with other test classes). */
class EndpointLifecycleOnMariaDbTest extends EndpointLifecycleContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
