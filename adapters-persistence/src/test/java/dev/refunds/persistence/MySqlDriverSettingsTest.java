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
    void a_mysql_data_source_sends_a_batch_of_inserts_as_one_multi_row_insert() {
        DatasourceConfiguration mysql = MySqlDriverSettings.apply(configured("jdbc:mysql://127.0.0.1:3306/refunds"));

        assertThat(mysql.getDataSourceProperties()).containsEntry("rewriteBatchedStatements", "true");
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

    @Test
    void a_url_with_several_hosts_fails_over_to_a_writable_node_and_gives_up_on_a_hung_one() {
        DatasourceConfiguration cluster = MySqlDriverSettings.apply(
                configured("jdbc:mysql://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/refunds"));

        assertThat(cluster.getDataSourceProperties())
                .containsEntry("failOverReadOnly", "false")
                .containsEntry("socketTimeout", "10000")
                .containsEntry("connectTimeout", "5000")
                .containsEntry("cachePrepStmts", "true");
    }

    @Test
    void a_single_host_keeps_the_drivers_socket_behaviour() {
        DatasourceConfiguration single = MySqlDriverSettings.apply(configured("jdbc:mysql://127.0.0.1:3306/refunds"));

        assertThat(MySqlDriverSettings.isMultiHost("jdbc:mysql://127.0.0.1:3306/refunds?a=1,2")).isFalse();
        assertThat(single.getDataSourceProperties()).doesNotContainKeys("failOverReadOnly", "socketTimeout");
    }
}
