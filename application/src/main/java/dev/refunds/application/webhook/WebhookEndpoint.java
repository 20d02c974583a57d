package dev.refunds.application.webhook;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a business wants its events: a URL, the event types it subscribes to, and the secret deliveries are
 * signed with. It receives the events that occur from its creation on, while it is {@code ENABLED}. After a
 * rotation the retiring secret signs too, until it expires.
 */
public record WebhookEndpoint(String id, BusinessId businessId, String url, Set<RefundEventType> events,
                              String secret, Instant createdAt, EndpointStatus status,
                              Optional<RetiringSecret> retiringSecret) {
    public static final int URL_LENGTH_MAX = 2048;

    /** The secret a rotation replaced, still signing until {@code until}. */
    public record RetiringSecret(String secret, Instant until) {
        public RetiringSecret {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(until, "until");
        }

        @Override
        public String toString() {
            return "RetiringSecret[until=" + until + "]";
        }
    }

    /** A new endpoint: enabled, one secret. */
    public WebhookEndpoint(String id, BusinessId businessId, String url, Set<RefundEventType> events, String secret,
                           Instant createdAt) {
        this(id, businessId, url, events, secret, createdAt, EndpointStatus.ENABLED, Optional.empty());
    }

    public WebhookEndpoint {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retiringSecret, "retiringSecret");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("an endpoint subscribes to at least one event type");
        }
        if (url.length() > URL_LENGTH_MAX) {
            throw new IllegalArgumentException("url longer than " + URL_LENGTH_MAX);
        }
        events = Collections.unmodifiableSet(EnumSet.copyOf(events));   // enum order, for stable answers
    }

    /** Whether an event of {@code type} that occurred at {@code occurredAt} goes to this endpoint. */
    public boolean receives(RefundEventType type, Instant occurredAt) {
        return events.contains(type) && !createdAt.isAfter(occurredAt);
    }

    /** The retiring secret while it has not expired at {@code now}: deliveries carry its signature too. */
    public Optional<String> retiringSecretAt(Instant now) {
        return retiringSecret.filter(retiring -> retiring.until().isAfter(now)).map(RetiringSecret::secret);
    }

    /** The secret stays out of logs. */
    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", businessId=" + businessId + ", url=" + url + ", events=" + events
                + ", createdAt=" + createdAt + ", status=" + status + "]";
    }
}
