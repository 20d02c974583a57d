package dev.refunds.bootstrap.jar;

import dev.refunds.bootstrap.support.process.ServiceProcesses;

import dev.refunds.bootstrap.support.process.ServiceProcess;

import dev.refunds.bootstrap.support.RunningService;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A typescript-fetch client generated (openapi-generator CLI, copied to target/ by the build) from the real jar's
 * /openapi.yml compiles with tsc in strict mode and runs the v1 happy path against that jar:
 * scripts/typescript-client.sh does the work, scripts/typescript-client/happy-path.ts is the client code. Needs
 * node and npm, and the npm registry the first time (typescript is installed into target/).
 */
class GeneratedTypeScriptClientIT {
    private static final Path SCRIPT = Path.of("..", "scripts", "typescript-client.sh");
    private static final Path GENERATOR = Path.of("target", "openapi-generator-cli.jar");
    private static final long SCRIPT_SECONDS_MAX = 600;

    @Test
    void a_generated_typescript_fetch_client_compiles_with_tsc_and_runs_the_v1_happy_path() throws Exception {
        assertThat(GENERATOR).as("copied by the build (maven-dependency-plugin)").exists();
        Path work = Path.of("target", "typescript-client").toAbsolutePath();
        try (ServiceProcess jar = ServiceProcesses.jar(Backend.H2.newDatabase(), Map.of())) {
            String output = run(List.of("bash", SCRIPT.toString(), jar.uri().toString(), RunningService.ADMIN_TOKEN,
                    GENERATOR.toAbsolutePath().toString(), work.toString()));
            assertThat(Files.readString(work.resolve("client").resolve("apis").resolve("RefundsApi.ts")))
                    .as("the generated client names the operation after its operationId")
                    .contains("async createRefund(", "async createRefundRaw(");
            String[] lines = output.strip().split("\n");
            assertThat(output).as("tsc ran").contains("Version 5.");
            JsonNode outcome = Api.JSON.readTree(lines[lines.length - 1]);
            assertThat(outcome.path("paymentId").asText()).startsWith("PAY_");
            assertThat(outcome.path("refundId").asText()).startsWith("REF_");
            assertThat(outcome.path("amount").asText()).isEqualTo("400.00");
            assertThat(outcome.path("refundStatus").asText()).isIn("INITIATED", "PROCESSING", "COMPLETED");
            assertThat(outcome.path("listed").asInt()).isEqualTo(1);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(SCRIPT_SECONDS_MAX, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within " + SCRIPT_SECONDS_MAX + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", command, text).isZero();
        return text;
    }
}
