package dev.refunds.application.webhook;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook deliveries and their attempts. A delivery is attempted by one worker at a time: it is claimed with a
 * lease token, and its outcome is written only while the claim is still that worker's.
 */
public interface WebhookDeliveryStore {
    /** A new {@code PENDING} delivery, without attempts. */
    void insert(WebhookDelivery delivery);

    /** The delivery with its attempts, oldest attempt first. */
    Optional<WebhookDelivery> findById(BusinessId businessId, String deliveryId);

    /** The endpoint's deliveries, newest first; an unknown cursor throws {@code InvalidInputException}. */
    Page<WebhookDelivery> listForEndpoint(BusinessId businessId, String endpointId, PageRequest page);

    /**
     * {@code PENDING} deliveries whose next attempt is due and that nobody holds, in a fair order across endpoints
     * (each endpoint's earliest due first, then each one's second …), and no more of one endpoint than it has room
     * for: {@code perEndpoint} less the attempts already in flight to it, on any instance.
     */
    List<Due> due(Instant now, int max, int perEndpoint);

    /**
     * Claims a due delivery until {@code leaseUntil}; false when another worker holds it, it is no longer due, or
     * {@code perEndpoint} attempts to its endpoint are in flight already (counted under a lock of the endpoint, so
     * every instance together keeps the limit). Claims in one transaction go in endpoint id order.
     */
    boolean claim(Due due, String leaseToken, Instant now, Instant leaseUntil, int perEndpoint);

    /**
     * Holds the endpoint until the transaction ends, as {@link #claim} does: taken first by an outcome that claims
     * the endpoint's next delivery, so outcomes and claims lock the endpoint before any delivery, in one order.
     */
    void holdEndpoint(String endpointId);

    /**
     * Claims the endpoint's earliest due delivery that nobody holds until {@code leaseUntil}, when fewer than
     * {@code perEndpoint} attempts to it are in flight; empty otherwise. Call with the endpoint held
     * ({@link #holdEndpoint}) in the same transaction.
     */
    Optional<Due> claimNext(String endpointId, String leaseToken, Instant now, Instant leaseUntil, int perEndpoint);

    /**
     * Writes an attempt (when there is one) and the delivery's new state, and frees the claim; false, writing
     * nothing, when the claim is no longer {@code leaseToken}'s.
     */
    boolean finish(String deliveryId, String leaseToken, Optional<DeliveryAttempt> attempt, DeliveryStatus status,
                   int attemptsLeft, Optional<Instant> nextAttemptAt);

    /** A {@code FAILED} delivery becomes {@code PENDING}, due at {@code now}; false when it is not {@code FAILED}. */
    boolean retryFailed(BusinessId businessId, String deliveryId, int attemptsLeft, Instant now);

    /**
     * Every {@code FAILED} delivery to the endpoint created in [{@code since}, {@code until}) becomes
     * {@code PENDING} with {@code attemptsLeft}, due at {@code now}; returns how many.
     */
    int recoverFailed(String endpointId, Instant since, Instant until, int attemptsLeft, Instant now);

    /** Every {@code PENDING} delivery to the endpoint becomes {@code FAILED} (the endpoint was deleted). */
    int stopPending(String endpointId);

    /** A delivery due for an attempt: what the worker needs to make it. */
    record Due(String deliveryId, String endpointId, String eventId, int attemptsLeft) {
    }
}
