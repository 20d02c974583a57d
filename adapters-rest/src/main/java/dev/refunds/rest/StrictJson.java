package dev.refunds.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.refunds.application.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies as the JSON standard has them: UTF-8 (RFC 8259), one value, nothing after it. A lenient decoder
 * would turn the overlong {@code C0 AF} into {@code /}, and a lenient parser would drop {@code x} in {@code {…}x}.
 */
public final class StrictJson {
    private static final int NESTING_MAX = 32;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(NESTING_MAX).build()).build();
    private static final JsonMapper MAPPER = JsonMapper.createDefault();

    private StrictJson() {
    }

    /** The body decoded as strict UTF-8; a 400 for anything else. */
    public static String text(@Nullable byte[] raw) {
        if (raw == null) {
            throw new InvalidInputException("body", "The request body must be a JSON object");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidInputException("body", "The request body must be UTF-8");
        }
    }

    /** The body as one JSON tree, after checking it is exactly one value with nothing after it. */
    public static JsonNode tree(@Nullable byte[] raw) {
        String text = text(raw);
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new InvalidInputException("body", "The request body must be a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new InvalidInputException("body", "The request body must be one JSON value, with nothing after it");
            }
            return MAPPER.readValue(text, JsonNode.class);
        } catch (IOException malformed) {
            throw new InvalidInputException("body", "The request body is not valid JSON");
        }
    }
}
