package dev.refunds.bootstrap.collation;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids and idempotency keys compare byte for byte (API.md, "What is promised where it runs"): {@code ABC} and
 * {@code abc} are two keys, and an id in another case names nothing, whatever the database's default collation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeysAndIdsCompareByteForByteContract {
    RunningService service;
    JdbcSettings database;
    private Api api;
    private Merchant merchant;

    abstract JdbcSettings newDatabase();

    Map<String, Object> settings() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        database = newDatabase();
        service = RunningService.start(database, settings());
        api = service.api();
        merchant = api.createBusiness("AUTO", "MULTIPLE", null);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void idempotency_keys_that_differ_only_in_case_are_two_keys() {
        ApiResponse upper = createPayment("ABC", "10.00");
        ApiResponse lower = createPayment("abc", "20.00");
        assertThat(upper.status()).as("ABC: %s", upper).isEqualTo(201);
        assertThat(lower.status()).as("abc, another body: a new key, not a conflict: %s", lower).isEqualTo(201);
        assertThat(lower.text("paymentId")).isNotEqualTo(upper.text("paymentId"));
        assertThat(lower.text("amount")).isEqualTo("20.00");
        ApiResponse replay = createPayment("ABC", "10.00");
        assertThat(replay.text("paymentId")).as("ABC again is a replay of ABC").isEqualTo(upper.text("paymentId"));
    }

    @Test
    void an_id_in_another_case_names_nothing() throws SQLException {
        String paymentId = createPayment("id-case", "30.00").text("paymentId");
        String otherCase = paymentId.substring(0, 13) + paymentId.substring(13).toLowerCase(Locale.ROOT);
        assertThat(otherCase).isNotEqualTo(paymentId);
        assertThat(api.get("/api/v1/payments/" + paymentId, merchant.headers()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/payments/" + otherCase, merchant.headers()).status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM payments WHERE payment_id = ?", otherCase)).isZero();
        assertThat(count("SELECT COUNT(*) FROM payments WHERE payment_id = ?", paymentId)).isEqualTo(1);

        String businessId = merchant.businessId().toUpperCase(Locale.ROOT);
        assertThat(businessId).isNotEqualTo(merchant.businessId());
        String[] upperCaseBusiness = {"Client-Id", merchant.clientId(), "Business-Id", businessId,
                "X-Api-Key", merchant.apiKey()};
        assertThat(api.get("/api/v1/payments/" + paymentId, upperCaseBusiness).status()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM businesses WHERE business_id = ?", businessId)).isZero();
    }

    private ApiResponse createPayment(String key, String amount) {
        return api.post("/api/v1/payments", Api.json(Map.of("amount", amount, "currency", "BDT")),
                Api.with(merchant.headers(), "X-Idempotency-Key", key));
    }

    long count(String sql, String value) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
