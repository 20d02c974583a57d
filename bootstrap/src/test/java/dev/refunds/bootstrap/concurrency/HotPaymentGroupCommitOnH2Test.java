package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.List;

/** {@link HotPaymentGroupCommitProperties} with one instance on the embedded H2 database. */
class HotPaymentGroupCommitOnH2Test extends HotPaymentGroupCommitProperties {
    private static HotPaymentInstances instances;

    private static synchronized HotPaymentInstances instances() {
        if (instances == null) {
            instances = new HotPaymentInstances(Backend.H2, 1);
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
