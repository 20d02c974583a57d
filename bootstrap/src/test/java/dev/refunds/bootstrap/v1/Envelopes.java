package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.ApiResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client checks of every answer: the status, the envelope's shape and that nothing internal leaks. */
final class Envelopes {
    /** Words that only an internal detail (class name, package, SQL, exception) would bring into a body. */
    static final List<String> LEAKS = List.of("Exception", "dev.refunds", "java.", "SQL");
    private static final Pattern STACK_FRAME = Pattern.compile("at [\\w$.]+\\([\\w$.]*(:\\d+)?\\)");
    private static final Set<String> ERROR_KEYS = Set.of("code", "message", "field");

    private Envelopes() {
    }

    /** {@code {"status":"success","data":…}} with the given HTTP status. */
    static void assertSuccess(ApiResponse response, int status) {
        assertThat(response.status()).as("HTTP status of %s", response).isEqualTo(status);
        assertThat(response.json()).as("a JSON body in %s", response).isNotNull();
        assertThat(response.json().path("status").asText()).as("envelope status of %s", response)
                .isEqualTo("success");
        assertThat(response.json().has("data")).as("data in %s", response).isTrue();
    }

    /** {@code {"status":"error","error":{"code","message"}}} with no {@code field}. */
    static void assertError(ApiResponse response, int status, String code) {
        assertErrorEnvelope(response, status, code);
        assertThat(response.errorField()).as("error.field of %s", response).isNull();
    }

    /** {@code {"status":"error","error":{"code","message","field"}}} naming the field at fault. */
    static void assertError(ApiResponse response, int status, String code, String field) {
        assertErrorEnvelope(response, status, code);
        assertThat(response.errorField()).as("error.field of %s", response).isEqualTo(field);
    }

    /** The error envelope with the status and code, whatever its {@code field}. */
    static void assertErrorEnvelope(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("HTTP status of %s", response).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json).as("a JSON body in %s", response).isNotNull();
        assertThat(json.isObject()).as("a JSON object in %s", response).isTrue();
        assertThat(fieldNames(json)).as("top-level keys of %s", response).containsExactlyInAnyOrder("status", "error");
        assertThat(json.path("status").asText()).as("envelope status of %s", response).isEqualTo("error");
        assertThat(json.path("error").isObject()).as("error object in %s", response).isTrue();
        assertThat(ERROR_KEYS).as("keys of error in %s", response).containsAll(fieldNames(json.path("error")));
        assertThat(response.errorCode()).as("error.code of %s", response).isEqualTo(code);
        assertThat(response.errorMessage()).as("error.message of %s", response).isNotBlank();
        assertNoLeaks(response);
    }

    /** No class name, package, SQL, exception or stack frame in the body. */
    static void assertNoLeaks(ApiResponse response) {
        String raw = response.raw() == null ? "" : response.raw();
        for (String leak : LEAKS) {
            assertThat(raw).as("body of %s must not contain %s", response, leak).doesNotContain(leak);
        }
        assertThat(STACK_FRAME.matcher(raw).find()).as("a stack frame in %s", response).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
