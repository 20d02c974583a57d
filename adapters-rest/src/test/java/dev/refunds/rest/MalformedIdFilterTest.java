package dev.refunds.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written segment check answers exactly as the regular expression it replaced. */
class MalformedIdFilterTest {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}(\\.csv)?");
    private static final String ALPHABET = "aZ09_-./csv \t%\u00e9";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/payments", "/api/v1/payments/PAY_20260517_K8X3M2QZ7D/refunds",
            "/api/admin/reports/refunds.csv"})
    void plain_paths_pass(String path) {
        assertThat(MalformedIdFilter.plainPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/payments/", "/api//payments", "/api/v1/../admin", "/api/v1/pay ments",
            "/api/v1/.csv", "/api/v1/a.csv.csv", "/api/v1/refunds.CSV", "/api/v1/caf\u00e9"})
    void malformed_paths_fail(String path) {
        assertThat(MalformedIdFilter.plainPath(path)).isFalse();
    }

    @Test
    void a_segment_of_64_characters_passes_and_of_65_fails_with_or_without_the_csv_suffix() {
        String word = "a".repeat(64);
        assertThat(MalformedIdFilter.plainPath("/api/" + word)).isTrue();
        assertThat(MalformedIdFilter.plainPath("/api/" + word + ".csv")).isTrue();
        assertThat(MalformedIdFilter.plainPath("/api/" + word + "a")).isFalse();
        assertThat(MalformedIdFilter.plainPath("/api/" + word + "a.csv")).isFalse();
    }

    @Test
    void random_paths_are_judged_as_the_regular_expression_judges_them() {
        Random random = new Random(22);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder path = new StringBuilder("/");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                path.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = path.toString();
            assertThat(MalformedIdFilter.plainPath(candidate)).as(candidate).isEqualTo(byRegex(candidate));
        }
    }

    private static boolean byRegex(String path) {
        for (String segment : path.substring(1).split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }
}
