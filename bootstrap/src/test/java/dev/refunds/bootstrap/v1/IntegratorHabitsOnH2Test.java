package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link IntegratorHabitsContract} on the embedded H2 database. */
class IntegratorHabitsOnH2Test extends IntegratorHabitsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
