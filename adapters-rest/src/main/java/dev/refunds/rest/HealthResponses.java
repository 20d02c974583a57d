package dev.refunds.rest;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;

/** The health probes' envelopes (the OpenAPI document's schemas). */
final class HealthResponses {
    private HealthResponses() {
    }

    @Schema(name = "Liveness")
    record Liveness(@Schema(allowableValues = "UP") String process) {
    }

    @Schema(name = "LivenessResponse")
    record LivenessResponse(@Schema(allowableValues = Formats.SUCCESS) String status, Liveness data) {
    }

    @Schema(name = "Readiness")
    record Readiness(@Schema(allowableValues = "UP") String database) {
    }

    @Schema(name = "ReadinessResponse")
    record ReadinessResponse(@Schema(allowableValues = Formats.SUCCESS) String status, Readiness data) {
    }
}
