package dev.refunds.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlDriverSettingsTest {

    private static DatasourceConfiguration configured(String url) {
        DatasourceConfiguration configuration = new DatasourceConfiguration("default");
        configuration.setUrl(url);
        return configuration;
    }

    @Test
    void a_mysql_data_source_caches_its_parsed_statements() {
        DatasourceConfiguration mysql = MySqlDriverSettings.apply(configured("jdbc:mysql://127.0.0.1:3306/refunds"));

        assertThat(mysql.getDataSourceProperties())
                .containsEntry("cachePrepStmts", "true")
                .containsEntry("prepStmtCacheSize", "250")
                .containsEntry("useLocalSessionState", "true")
                .doesNotContainKey("cacheResultSetMetadata");
    }

    @Test
    void an_h2_data_source_gets_no_driver_settings_it_would_refuse() {
        DatasourceConfiguration h2 = MySqlDriverSettings.apply(configured("jdbc:h2:mem:refunds;MODE=MySQL"));

        assertThat(h2.getDataSourceProperties()).isEmpty();
    }

    @Test
    void a_setting_the_operator_chose_is_kept() {
        DatasourceConfiguration inUrl = MySqlDriverSettings.apply(
                configured("jdbc:mysql://db/refunds?cachePrepStmts=false"));
        DatasourceConfiguration inProperties = configured("jdbc:mysql://db/refunds");
        inProperties.setDataSourceProperties(Map.of("prepStmtCacheSize", "25"));
        MySqlDriverSettings.apply(inProperties);

        assertThat(inUrl.getDataSourceProperties()).doesNotContainKey("cachePrepStmts")
                .containsEntry("prepStmtCacheSize", "250");
        assertThat(inProperties.getDataSourceProperties()).containsEntry("prepStmtCacheSize", "25")
                .containsEntry("cachePrepStmts", "true");
    }
}
