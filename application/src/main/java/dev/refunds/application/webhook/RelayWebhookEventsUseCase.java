package dev.refunds.application.webhook;

/** Turns outbox events into deliveries, one per subscribed endpoint. */
public interface RelayWebhookEventsUseCase {
    /** Relays one batch; returns how many events it looked at (0: nothing was waiting). */
    int relayDue();
}
