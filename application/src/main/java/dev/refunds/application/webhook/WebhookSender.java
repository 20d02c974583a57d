package dev.refunds.application.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Signs one delivery (Standard Webhooks) and POSTs it; the endpoint's failures are results, never exceptions. */
public interface WebhookSender {
    Result send(Message message);

    /**
     * {@code webhookId} is the event id, the same for every attempt; {@code timestamp} is the attempt's. During a
     * secret rotation {@code retiringSecret} signs too (a second signature in the same header).
     */
    record Message(String url, String webhookId, Instant timestamp, String payload, String secret,
                   Optional<String> retiringSecret) {
        public Message(String url, String webhookId, Instant timestamp, String payload, String secret) {
            this(url, webhookId, timestamp, payload, secret, Optional.empty());
        }

        public Message {
            Objects.requireNonNull(retiringSecret, "retiringSecret");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(webhookId, "webhookId");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Message[url=" + url + ", webhookId=" + webhookId + ", timestamp=" + timestamp + "]";
        }
    }

    /**
     * What happened: the status when the endpoint answered, else a short error (never a stack trace). Only a
     * 2xx is success; redirects are not followed. {@code retryAfter}: what a 429 or 503 asked us to wait.
     */
    record Result(Optional<Integer> statusCode, long latencyMs, Optional<String> error,
                  Optional<Duration> retryAfter) {
        public Result(Optional<Integer> statusCode, long latencyMs, Optional<String> error) {
            this(statusCode, latencyMs, error, Optional.empty());
        }

        public Result {
            Objects.requireNonNull(statusCode, "statusCode");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public static Result answered(int statusCode, long latencyMs) {
            return new Result(Optional.of(statusCode), latencyMs, Optional.empty());
        }

        public static Result answered(int statusCode, long latencyMs, Optional<Duration> retryAfter) {
            return new Result(Optional.of(statusCode), latencyMs, Optional.empty(), retryAfter);
        }

        /** {@code 410 Gone}: the subscriber wants no more (Standard Webhooks); the endpoint is disabled. */
        public boolean gone() {
            return statusCode.filter(code -> code == 410).isPresent();
        }

        public static Result failed(String error, long latencyMs) {
            return new Result(Optional.empty(), latencyMs, Optional.of(error));
        }

        public boolean succeeded() {
            return error.isEmpty() && statusCode.filter(code -> code >= 200 && code <= 299).isPresent();
        }
    }
}
