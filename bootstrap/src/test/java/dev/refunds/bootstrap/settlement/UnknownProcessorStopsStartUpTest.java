package dev.refunds.bootstrap.settlement;

import dev.refunds.bootstrap.support.process.ServiceProcess;
import dev.refunds.bootstrap.support.process.ServiceProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code REFUNDS_PROCESSOR} names a processor the service has, exactly, or the service does not start: it exits
 * non-zero with one log line naming the setting, the value given and the values accepted, and no stack trace. The
 * service runs as its own process, configured through the environment as an operator configures it.
 */
class UnknownProcessorStopsStartUpTest {
    private static final Duration START = Duration.ofSeconds(120);
    private ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @ParameterizedTest(name = "REFUNDS_PROCESSOR=\"{0}\"")
    @ValueSource(strings = {"stripe", "Sandbox "})
    void an_unknown_processor_stops_start_up_with_one_line_naming_the_setting_the_value_and_the_accepted_ones(
            String processor) {
        service = ServiceProcesses.launch("processor-refused", null, Map.of("REFUNDS_PROCESSOR", processor), Map.of());

        OptionalInt exit = service.awaitExit(START);

        assertThat(exit).as("the service exits by itself").isPresent();
        assertThat(exit.getAsInt()).as("exit code").isNotZero();
        String log = service.log();
        List<String> mentions = log.lines().filter(line -> line.contains("REFUNDS_PROCESSOR")).toList();
        assertThat(mentions).as("lines naming the setting, in:%n%s", log).hasSize(1);
        assertThat(mentions.get(0)).contains("REFUNDS_PROCESSOR (refunds.processor) is \"" + processor + "\"")
                .endsWith("accepted values: sandbox");
        assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(log).as("it stopped before the database and the HTTP server")
                .doesNotContain("Running migrations").doesNotContain("Startup completed");
    }

    @Test
    void the_sandbox_named_exactly_starts() {
        service = ServiceProcesses.launch("processor-sandbox", null, Map.of("REFUNDS_PROCESSOR", "sandbox"), Map.of());

        assertThat(service.awaitHealthy(START)).as("healthy; the log:%n%s", service.log()).isTrue();
    }
}
