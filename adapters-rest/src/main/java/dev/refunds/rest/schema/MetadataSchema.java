package dev.refunds.rest.schema;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.HashMap;

/** {@code metadata}: the merchant's own pairs; the key limit has no OpenAPI 3.0 keyword, so it is in the text. */
@Schema(name = "Metadata", type = "object", maxProperties = 50,
        additionalPropertiesSchema = MetadataSchema.Value.class, example = "{\"order\": \"order-1\"}",
        description = "At most 50 keys of 1-40 characters, each with a value of 1-500 characters")
public final class MetadataSchema extends HashMap<String, String> {
    private MetadataSchema() {
    }

    /** One value of {@code metadata}. */
    @Schema(name = "MetadataValue", type = "string", minLength = 1, maxLength = 500)
    public static final class Value {
        private Value() {
        }
    }
}
