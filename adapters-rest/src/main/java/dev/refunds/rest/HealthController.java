package dev.refunds.rest;

import dev.refunds.rest.error.ErrorEnvelope;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.refunds.application.shared.DatabaseHealth;
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
@Tag(name = "Operations")
@SecurityRequirements
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthController {
    private final DatabaseHealth database;

    HealthController(DatabaseHealth database) {
        this.database = database;
    }

    @Operation(operationId = "getLiveness", summary = "Is the process alive?")
    @ApiResponse(responseCode = "200", description = "UP",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = HealthResponses.LivenessResponse.class)))
    @Get("/live")
    HttpResponse<?> live() {
        return HttpResponse.ok(SuccessEnvelope.of(Map.of("process", "UP")));
    }

    @Operation(operationId = "getHealth", summary = "Is the service ready (the database answers)?")
    @ApiResponse(responseCode = "200", description = "UP",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = HealthResponses.ReadinessResponse.class)))
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the database does not answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
    @Get
    HttpResponse<?> health() {
        if (database.isReachable()) {
            return HttpResponse.ok(SuccessEnvelope.of(Map.of("database", "UP")));
        }
        return Errors.of(ErrorCode.SERVICE_UNAVAILABLE, "The database does not answer");
    }
}
