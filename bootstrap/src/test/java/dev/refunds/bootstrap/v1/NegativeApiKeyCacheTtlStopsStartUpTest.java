package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.process.ServiceProcess;
import dev.refunds.bootstrap.support.process.ServiceProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A negative {@code REFUNDS_API_KEY_CACHE_TTL} stops start-up with one line naming the setting, instead of a service
 * that starts and then fails every merchant request.
 */
class NegativeApiKeyCacheTtlStopsStartUpTest {
    private static final Duration START = Duration.ofSeconds(120);
    private ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void a_negative_ttl_stops_start_up_with_one_line_naming_the_setting() {
        service = ServiceProcesses.launch("api-key-cache-refused", null,
                Map.of("REFUNDS_API_KEY_CACHE_TTL", "-1s"), Map.of());

        OptionalInt exit = service.awaitExit(START);

        assertThat(exit).as("the service exits by itself").isPresent();
        assertThat(exit.getAsInt()).as("exit code").isNotZero();
        String log = service.log();
        List<String> mentions = log.lines().filter(line -> line.contains("REFUNDS_API_KEY_CACHE_TTL")).toList();
        assertThat(mentions).as("lines naming the setting, in:%n%s", log).hasSize(1);
        assertThat(mentions.get(0)).contains("a negative duration");
        assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(log).as("it did not start serving").doesNotContain("Startup completed");
    }

    @Test
    void a_zero_ttl_starts_with_the_cache_off() {
        service = ServiceProcesses.launch("api-key-cache-off", null, Map.of("REFUNDS_API_KEY_CACHE_TTL", "0s"),
                Map.of());

        assertThat(service.awaitHealthy(START)).as("healthy; the log:%n%s", service.log()).isTrue();
    }
}
