package dev.refunds.persistence.sandbox;

import io.micronaut.context.annotation.Requires;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bean exists only when the sandbox is the selected processor ({@code refunds.processor}, environment
 * {@code REFUNDS_PROCESSOR}); it is the default, so a service configured as before still settles through it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
@Requires(property = RequiresSandbox.PROCESSOR_SETTING, value = RequiresSandbox.SANDBOX,
        defaultValue = RequiresSandbox.SANDBOX)
@interface RequiresSandbox {
    String PROCESSOR_SETTING = "refunds.processor";
    String SANDBOX = "sandbox";
}
