package dev.refunds.rest.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

/** How many failed deliveries a recovery sent again. */
@Serdeable
record RecoveredView(@Schema(minimum = "0", description = "Failed deliveries sent again") int recovered) {
}
