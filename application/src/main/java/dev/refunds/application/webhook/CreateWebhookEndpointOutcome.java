package dev.refunds.application.webhook;

/** A new endpoint, or why none was made (a URL the guard refuses is bad input, thrown as such). */
public sealed interface CreateWebhookEndpointOutcome {
    /** The endpoint with its secret, which is shown to the merchant this once. */
    record Created(WebhookEndpoint endpoint) implements CreateWebhookEndpointOutcome {
    }

    /** The business already has the most endpoints it may have. */
    record LimitReached(int endpointsMax) implements CreateWebhookEndpointOutcome {
    }
}
