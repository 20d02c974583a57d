package dev.refunds.application.webhook;

/** An endpoint receives deliveries while {@code ENABLED}; a {@code DISABLED} one gets nothing until enabled. */
public enum EndpointStatus {
    ENABLED, DISABLED
}
