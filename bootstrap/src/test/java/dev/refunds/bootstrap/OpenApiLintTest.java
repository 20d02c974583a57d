package dev.refunds.bootstrap;

import dev.refunds.bootstrap.support.TestFolders;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The OpenAPI document generated at compile time passes Redocly's recommended rules with no error
 * (src/test/resources/redocly.yaml says which rule is tuned and why). Needs node and npm (.ci/run installs them).
 */
class OpenApiLintTest {
    private static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final String DOCUMENT = "META-INF/swagger/refunds-openapi.yml";
    private static final long LINT_SECONDS_MAX = 300;

    @Test
    void the_generated_openapi_document_has_no_lint_error() throws IOException, InterruptedException {
        Path dir = TestFolders.create("openapi-lint-");
        Path document = copy(DOCUMENT, dir.resolve("refunds-openapi.yml"));
        Path config = copy("redocly.yaml", dir.resolve("redocly.yaml"));
        Process lint = new ProcessBuilder(List.of("npx", "--yes", REDOCLY, "lint", document.toString(),
                "--config", config.toString(), "--format", "summary", "--max-problems", "1000"))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!lint.waitFor(LINT_SECONDS_MAX, TimeUnit.SECONDS)) {
            lint.destroyForcibly();
            fail("redocly lint did not finish within " + LINT_SECONDS_MAX + " s");
        }
        System.out.println(output);
        assertThat(output).as("redocly lint output").contains("validated in").doesNotContainPattern("(?m)^error ");
        assertThat(lint.exitValue()).as("redocly lint exit code; output:%n%s", output).isZero();
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = OpenApiLintTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("class path resource %s", resource).isNotNull();
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
