package dev.refunds.rest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /metrics}: Prometheus text format. Needs the admin bearer token, like every management endpoint. */
@Controller("/metrics")
final class MetricsController {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    @Produces(PROMETHEUS_TEXT)
    HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape());
    }
}
