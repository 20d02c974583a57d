package dev.refunds.rest.webhook;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

/** The endpoint's new signing secret, shown once. */
@Serdeable
record RotatedSecretView(@Schema(pattern = Formats.ID, example = "we_N90A464NZ3K75TXNV6EQ") String id,
        @Schema(description = "The new signing secret, shown once, here") String secret) {
}
