package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The instances a hot-payment property sends through, all on one new database of its backend, and one business. */
final class HotPaymentInstances implements AutoCloseable {
    private final JdbcSettings database;
    private final List<RunningService> services = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();
    private final Merchant shop;

    HotPaymentInstances(Backend backend, int instances) {
        database = backend.newDatabase();
        for (int i = 0; i < instances; i++) {
            // Settlement must not move refunds on while the books are compared.
            RunningService service = RunningService.start(database, Map.of("refunds.sandbox.settle-delay", "1h"));
            services.add(service);
            apis.add(service.api());
        }
        shop = apis.get(0).createBusiness("AUTO", "MULTIPLE", null);
    }

    JdbcSettings database() {
        return database;
    }

    List<Api> apis() {
        return apis;
    }

    Merchant shop() {
        return shop;
    }

    @Override
    public void close() {
        services.forEach(RunningService::close);
    }
}
