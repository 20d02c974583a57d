package dev.refunds.rest.error;

import dev.refunds.application.DatabaseUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableAnswerTest {
    private final UnexpectedErrorHandler handler = new UnexpectedErrorHandler();

    @Test
    void the_applications_database_unavailable_is_a_503_with_retry_after_even_when_wrapped() {
        var unavailable = new DatabaseUnavailableException("database unavailable: SQLException: gone",
                new SQLException("Query execution was interrupted", "70100", 1317));

        HttpResponse<ErrorEnvelope> direct = handler.handle(HttpRequest.GET("/api/v1/payments"), unavailable);
        HttpResponse<ErrorEnvelope> wrapped = handler.handle(HttpRequest.GET("/api/v1/payments"),
                new IllegalStateException("use case failed", unavailable));

        for (HttpResponse<ErrorEnvelope> response : new HttpResponse[] {direct, wrapped}) {
            assertThat(response.status().getCode()).isEqualTo(503);
            assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(response.body().error().code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(response.body().error().message()).doesNotContain("SQLException").doesNotContain("1317");
        }
    }

    @Test
    void a_driver_error_persistence_did_not_translate_is_a_bug_answered_500_without_retry_after() {
        var raw = new IllegalStateException("Error executing SQL",
                new SQLException("Query execution was interrupted", "70100", 1317));

        HttpResponse<ErrorEnvelope> response = handler.handle(HttpRequest.GET("/api/v1/payments"), raw);

        assertThat(response.status().getCode()).isEqualTo(500);
        assertThat(response.getHeaders().get(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
