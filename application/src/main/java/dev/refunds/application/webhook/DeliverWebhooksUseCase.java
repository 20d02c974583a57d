package dev.refunds.application.webhook;

/** Attempts the deliveries that are due. */
public interface DeliverWebhooksUseCase {
    /** Claims due deliveries, as many as there are free senders, and starts them; returns how many started. */
    int deliverDue();
}
