package dev.refunds.application.webhook;

import java.util.Optional;

/**
 * Whether deliveries may go to a URL: https, and a host that resolves only to public addresses (no loopback,
 * private, link-local, metadata …). Asked when an endpoint is created and again before every attempt, because
 * what a name resolves to can change.
 */
public interface WebhookTargetGuard {
    /** Empty when the URL is an acceptable target; otherwise why not, in a sentence a client may read. */
    Optional<String> refusal(String url);
}
