package dev.refunds.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

import java.util.List;

/**
 * {@code REFUNDS_PROCESSOR} selects the payment processor; the sandbox's beans require it to be {@code sandbox}. Any
 * other value would leave the service without a processor and fail deep in the wiring, so it is checked first of
 * all the start-up beans, before the database is touched, and refused naming the setting, the value and the values
 * accepted. The value is compared exactly: {@code "Sandbox "} is not {@code sandbox}.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ProcessorSetting {
    static final String ENVIRONMENT_VARIABLE = "REFUNDS_PROCESSOR";
    static final String KEY = "refunds.processor";
    static final List<String> ACCEPTED = List.of("sandbox");

    ProcessorSetting(@Value("${refunds.processor:sandbox}") String processor) {
        if (!ACCEPTED.contains(processor)) {
            throw new StartupRefusal(ENVIRONMENT_VARIABLE + " (" + KEY + ") is \"" + processor + "\", not a payment"
                    + " processor this service has; accepted values: " + String.join(", ", ACCEPTED));
        }
    }
}
