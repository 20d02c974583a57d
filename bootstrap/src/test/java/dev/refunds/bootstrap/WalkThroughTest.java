package dev.refunds.bootstrap;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's walk-through, on both backends, surviving a restart of the service. */
class WalkThroughTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void the_readme_walk_through_works_and_its_data_survives_a_restart(Backend backend) {
        JdbcSettings database = backend.newDatabase();
        Merchant merchant;
        String paymentId;
        try (RunningService service = RunningService.start(database)) {
            Api api = service.api();
            assertThat(api.get("/health").status()).isEqualTo(200);
            merchant = api.createBusiness("AUTO", "MULTIPLE", null);
            ApiResponse created = api.post("/api/v1/payments",
                    Api.json(Map.of("amount", "1500.00", "currency", "BDT", "merchantRef", "order-42")),
                    merchant.headers());
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text("status")).isEqualTo("PENDING");
            paymentId = created.text("paymentId");
            assertThat(paymentId).matches("PAY_\\d{8}_[0-9A-Z]{10}");
            ApiResponse completed = api.post("/api/v1/payments/" + paymentId + "/complete", null, merchant.headers());
            assertThat(completed.status()).isEqualTo(200);
            assertThat(completed.text("status")).isEqualTo("COMPLETED");
        }
        try (RunningService restarted = RunningService.start(database)) {
            ApiResponse read = restarted.api().get("/api/v1/payments/" + paymentId, merchant.headers());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("status")).isEqualTo("COMPLETED");
            assertThat(read.text("amount")).isEqualTo("1500.00");
            assertThat(read.text("refundableAmount")).isEqualTo("1500.00");
            assertThat(read.text("merchantRef")).isEqualTo("order-42");
        }
    }
}
