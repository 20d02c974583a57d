package dev.refunds.rest;

import dev.refunds.application.port.DatabaseHealth;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;

/**
 * {@code GET /health} (readiness): 200 when the database answers, 503 otherwise. {@code GET /health/live}
 * (liveness): 200 while the process serves HTTP at all, so an orchestrator restarts it only when it is stuck,
 * not when the database is down. Neither needs credentials.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthController {
    private final DatabaseHealth database;

    HealthController(DatabaseHealth database) {
        this.database = database;
    }

    @Get("/live")
    HttpResponse<?> live() {
        return HttpResponse.ok(SuccessEnvelope.of(Map.of("process", "UP")));
    }

    @Get
    HttpResponse<?> health() {
        if (database.isReachable()) {
            return HttpResponse.ok(SuccessEnvelope.of(Map.of("database", "UP")));
        }
        return Errors.of(ErrorCode.SERVICE_UNAVAILABLE, "The database does not answer");
    }
}
