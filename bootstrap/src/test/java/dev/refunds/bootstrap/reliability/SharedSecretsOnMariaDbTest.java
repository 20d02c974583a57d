package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.ScratchMariaDbDatabases;
import dev.refunds.bootstrap.support.process.ServiceProcess;
import dev.refunds.bootstrap.support.process.ServiceProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** On MariaDB, each test on a new database of its own (the shared test database knows the test secrets). */
class SharedSecretsOnMariaDbTest extends SharedSecretsContract {
    private JdbcSettings database;

    @Override
    ServiceProcess launch(String name, Map<String, String> settings) {
        if (database == null) {
            database = ScratchMariaDbDatabases.create("utf8mb4_bin");
        }
        return ServiceProcesses.launch(name, database, settings);
    }

    @AfterEach
    void dropDatabase() {
        stopAll();
        if (database != null) {
            ScratchMariaDbDatabases.drop(database);
        }
    }

    @Test
    void a_second_instance_started_as_the_readme_starts_the_first_exits_instead_of_answering_every_merchant_401() {
        // Neither is given REFUNDS_API_KEY_SECRET: each takes the one it generates in its own data folder.
        Map<String, String> asTheReadme = Map.of("refunds.api-key-secret", "");
        ServiceProcess first = instance("readme-first", asTheReadme);
        assertThat(first.awaitHealthy(START)).as("the first instance").isTrue();
        ServiceProcess second = instance("readme-second", asTheReadme);
        assertExitsNaming(second, "REFUNDS_API_KEY_SECRET");
        assertThat(second.log()).contains("uses the one in its own data folder");
        assertThat(first.isAlive()).as("the first instance goes on").isTrue();
    }
}
