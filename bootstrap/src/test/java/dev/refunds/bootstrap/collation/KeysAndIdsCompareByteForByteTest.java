package dev.refunds.bootstrap.collation;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import dev.refunds.bootstrap.support.RunningService;
import dev.refunds.bootstrap.support.ScratchMariaDbDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids and idempotency keys compare byte for byte (API.md, "What is promised where it runs"): {@code ABC} and
 * {@code abc} are two keys, and an id in another case names nothing, whatever the database's default collation.
 * The service migrates a database of its own, with a later migration written without a collation and with a
 * case-insensitive column (test resource {@code db/collation-test}); on MariaDB and Galera one created with a
 * case-insensitive default ({@code utf8mb4_general_ci}, as a DBA's plain {@code CREATE DATABASE} often is).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnEveryBackend
class KeysAndIdsCompareByteForByteTest {
    @Parameter
    Backend backend;
    private JdbcSettings database;
    private RunningService service;
    private Api api;
    private Merchant merchant;

    @BeforeParameterizedClassInvocation
    void start() {
        database = backend.emptyDatabase("utf8mb4_general_ci");
        service = RunningService.start(database,
                Map.of("flyway.datasources.default.locations", "classpath:db/migration,classpath:db/collation-test"));
        api = service.api();
        merchant = api.createBusiness("AUTO", "MULTIPLE", null);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
        if (database != null) {
            ScratchMariaDbDatabases.drop(database);
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

    /** H2 compares by character unless told otherwise and names that {@code OFF}; MariaDB's is {@code utf8mb4_bin}. */
    @Test
    void every_text_column_of_every_table_compares_byte_for_byte_including_a_later_migrations() throws SQLException {
        boolean h2 = backend == Backend.H2;
        List<String> notBinary = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT table_name, column_name, collation_name"
                    + " FROM information_schema.columns WHERE table_schema = " + (h2 ? "SCHEMA()" : "DATABASE()")
                    + " AND collation_name IS NOT NULL AND collation_name <> '" + (h2 ? "OFF" : "utf8mb4_bin") + "'")) {
                while (row.next()) {
                    notBinary.add(row.getString(1) + "." + row.getString(2) + " " + row.getString(3));
                }
            }
            if (!h2) {
                try (ResultSet row = statement.executeQuery("SELECT @@collation_database")) {
                    row.next();
                    assertThat(row.getString(1)).as("the schema's default").isEqualTo("utf8mb4_bin");
                }
            }
            assertThat(notBinary).as("columns that would compare case-insensitively").isEmpty();
            statement.executeUpdate("INSERT INTO later_collation_probe (probe_key, label) VALUES ('ABC', 'ABC')");
            statement.executeUpdate("INSERT INTO later_collation_probe (probe_key, label) VALUES ('abc', 'abc')");
        }
        assertThat(count("SELECT COUNT(*) FROM later_collation_probe WHERE label = ?", "abc")).isEqualTo(1);
    }

    private ApiResponse createPayment(String key, String amount) {
        return api.post("/api/v1/payments", Api.json(Map.of("amount", amount, "currency", "BDT")),
                Api.with(merchant.headers(), "X-Idempotency-Key", key));
    }

    private long count(String sql, String value) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
