package dev.refunds.application.webhook;

/** Ids and signing secrets for webhooks; random enough that a clash is a one-in-billions event. */
public interface WebhookIds {
    String newEndpointId();

    String newDeliveryId();

    /** A Standard Webhooks secret: {@code whsec_} + base64 of at least 24 random bytes. */
    String newSecret();
}
