package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import dev.refunds.bootstrap.support.ScratchMariaDbDatabases;
import dev.refunds.bootstrap.support.process.ServiceProcess;
import dev.refunds.bootstrap.support.process.ServiceProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances on one database share {@code REFUNDS_API_KEY_SECRET} and {@code REFUNDS_ADMIN_TOKEN}: the database keeps
 * a keyed fingerprint of each, an instance started with another one exits at start-up naming the setting, and the
 * {@code _PREVIOUS} settings rotate them (README, "Secrets"). Each test starts real processes on a database of its
 * own: on H2 the embedded default in the process's data folder, on MariaDB a scratch database (the shared test
 * database knows the test secrets).
 */
class SharedSecretsTest {
    static final String SECRET_A = "api-key-secret-a-0123456789";
    static final String SECRET_B = "api-key-secret-b-9876543210";
    static final Duration START = Duration.ofSeconds(120);
    private final List<ServiceProcess> started = new ArrayList<>();
    private JdbcSettings database;

    @AfterEach
    void stopAllAndDropTheDatabase() {
        started.forEach(ServiceProcess::close);
        if (database != null) {
            ScratchMariaDbDatabases.drop(database);
        }
    }

    /** A new process on this test's database (the same database for every call within one test). */
    ServiceProcess instance(Backend backend, String name, Map<String, String> settings) {
        ServiceProcess process;
        if (backend == Backend.H2) {
            process = ServiceProcesses.launchEmbedded(name, settings);
        } else {
            if (database == null) {
                database = backend.emptyDatabase("utf8mb4_bin");
            }
            process = ServiceProcesses.launch(name, database, settings);
        }
        started.add(process);
        return process;
    }

    /**
     * MariaDB alone: there instances share one database, while on the embedded default each instance has its own,
     * in its own data folder, so nothing is shared to be refused.
     */
    @Test
    void a_second_instance_started_as_the_readme_starts_the_first_exits_instead_of_answering_every_merchant_401() {
        // Neither is given REFUNDS_API_KEY_SECRET: each takes the one it generates in its own data folder.
        Map<String, String> asTheReadme = Map.of("refunds.api-key-secret", "");
        ServiceProcess first = instance(Backend.MARIADB, "readme-first", asTheReadme);
        assertThat(first.awaitHealthy(START)).as("the first instance").isTrue();
        ServiceProcess second = instance(Backend.MARIADB, "readme-second", asTheReadme);
        assertExitsNaming(second, "REFUNDS_API_KEY_SECRET");
        assertThat(second.log()).contains("uses the one in its own data folder");
        assertThat(first.isAlive()).as("the first instance goes on").isTrue();
    }

    @Nested
    @OnH2AndMariaDb
    class OnEachBackend {
        @Parameter
        Backend backend;

        @Test
        void an_instance_started_with_another_api_key_secret_exits_at_start_up_naming_the_setting() {
            ServiceProcess service = instance(backend, "secret-a", Map.of("refunds.api-key-secret", SECRET_A));
            assertThat(service.awaitHealthy(START)).as("first instance, secret A").isTrue();
            service.close();
            service.set("refunds.api-key-secret", SECRET_B);
            service.start();
            assertExitsNaming(service, "REFUNDS_API_KEY_SECRET");
            assertThat(service.log()).doesNotContain(SECRET_A).doesNotContain(SECRET_B);
        }

        @Test
        void an_instance_started_with_another_admin_token_exits_and_the_previous_setting_rotates_it()
                throws IOException {
            ServiceProcess service = instance(backend, "token-1", Map.of("refunds.admin-token", "admin-token-one"));
            assertThat(service.awaitHealthy(START)).isTrue();
            service.close();
            service.set("refunds.admin-token", "admin-token-two");
            service.start();
            assertExitsNaming(service, "REFUNDS_ADMIN_TOKEN");

            service.set("refunds.admin-token-previous", "admin-token-one");
            service.startAndAwait(START);
            assertThat(adminList(service, "admin-token-two")).as("the new token").isEqualTo(200);
            assertThat(adminList(service, "admin-token-one")).as("the old token").isEqualTo(401);
            service.close();
            service.set("refunds.admin-token", "admin-token-one");
            service.set("refunds.admin-token-previous", "");
            service.start();
            assertExitsNaming(service, "REFUNDS_ADMIN_TOKEN");
        }

        @Test
        void rotating_the_api_key_secret_keeps_old_keys_working_and_refuses_instances_left_on_the_old_secret()
                throws IOException {
            ServiceProcess service = instance(backend, "rotation", Map.of("refunds.api-key-secret", SECRET_A));
            assertThat(service.awaitHealthy(START)).as("first instance, secret A").isTrue();
            Merchant before = createBusiness(service);
            service.close();

            service.set("refunds.api-key-secret", SECRET_B);
            service.set("refunds.api-key-secret-previous", SECRET_A);
            service.startAndAwait(START);
            assertThat(listRefunds(service, before)).as("a key issued before the rotation").isEqualTo(200);
            Merchant after = createBusiness(service);
            assertThat(listRefunds(service, after)).as("a key issued after it").isEqualTo(200);
            service.close();

            service.set("refunds.api-key-secret", SECRET_A);
            service.set("refunds.api-key-secret-previous", "");
            service.start();
            assertExitsNaming(service, "REFUNDS_API_KEY_SECRET");

            service.set("refunds.api-key-secret", SECRET_B);
            service.startAndAwait(START);
            assertThat(listRefunds(service, after)).as("the new secret alone: a new key").isEqualTo(200);
            assertThat(listRefunds(service, before)).as("the new secret alone: a key from before").isEqualTo(401);
        }
    }

    static void assertExitsNaming(ServiceProcess service, String setting) {
        OptionalInt exit = service.awaitExit(START);
        assertThat(exit).as("the instance exits by itself").isPresent();
        assertThat(exit.getAsInt()).as("exit code").isNotZero();
        assertThat(service.log()).contains(setting + " is not the secret this database was first used with")
                .as("one line for the operator, no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    }

    static Merchant createBusiness(ServiceProcess service) throws IOException {
        ApiResponse created = service.api().post("/api/admin/businesses", Api.json(Map.of("name", "rotation shop",
                "reviewMode", "AUTO", "refundMode", "MULTIPLE")),
                "Authorization", "Bearer " + RunningService.ADMIN_TOKEN);
        assertThat(created.status()).as("business created: %s", created).isEqualTo(201);
        return new Merchant(created.text("clientId"), created.text("businessId"), created.text("apiKey"));
    }

    static int listRefunds(ServiceProcess service, Merchant merchant) throws IOException {
        return service.api().get("/api/v1/refunds", merchant.headers()).status();
    }

    private static int adminList(ServiceProcess service, String token) throws IOException {
        return service.api().get("/api/admin/refunds", "Authorization", "Bearer " + token).status();
    }
}
