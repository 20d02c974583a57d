package dev.refunds.rest;

import dev.refunds.rest.doc.AdminApi;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /metrics}: Prometheus text format. Needs the admin bearer token, like every management endpoint. */
@Tag(name = "Operations")
@AdminApi
@Controller("/metrics")
final class MetricsController {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Operation(operationId = "getMetrics", summary = "Prometheus metrics")
    @ApiResponse(responseCode = "200", description = "Prometheus text format")
    @Get
    @Produces(PROMETHEUS_TEXT)
    HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape());
    }
}
