package dev.refunds.rest.webhook;

import io.micronaut.serde.annotation.Serdeable;

/** How many failed deliveries a recovery sent again. */
@Serdeable
record RecoveredView(int recovered) {
}
