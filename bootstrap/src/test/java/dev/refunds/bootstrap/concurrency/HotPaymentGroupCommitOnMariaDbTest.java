package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.List;

/** {@link HotPaymentGroupCommitProperties} with two instances, each with its own pool, on one MariaDB database: only the row lock orders their batches. */
class HotPaymentGroupCommitOnMariaDbTest extends HotPaymentGroupCommitProperties {
    private static HotPaymentInstances instances;

    private static synchronized HotPaymentInstances instances() {
        if (instances == null) {
            instances = new HotPaymentInstances(Backend.MARIADB, 2);
        }
        return instances;
    }

    @AfterContainer
    static synchronized void stop() {
        if (instances != null) {
            instances.close();
            instances = null;
        }
    }

    @Override
    List<Api> apis() {
        return instances().apis();
    }

    @Override
    JdbcSettings database() {
        return instances().database();
    }

    @Override
    Merchant shop() {
        return instances().shop();
    }
}
