package dev.refunds.rest.webhook;

import io.micronaut.serde.annotation.Serdeable;

/** The endpoint's new signing secret, shown once. */
@Serdeable
record RotatedSecretView(String id, String secret) {
}
