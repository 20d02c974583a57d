package dev.refunds.application.webhook;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.business.BusinessId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

public final class WebhookEndpointsService implements WebhookEndpointsUseCase {
    /** As many as Stripe allows an account: enough for every environment, few enough to fan out quickly. */
    public static final int ENDPOINTS_MAX = 16;
    public static final Duration RETIRING_MAX = Duration.ofDays(7);
    public static final Duration RECOVER_BACK_MAX = Duration.ofDays(14);

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryStore deliveries;
    private final WebhookTargetGuard guard;
    private final WebhookIds ids;
    private final Transactions transactions;
    private final Clock clock;

    public WebhookEndpointsService(WebhookEndpointRepository endpoints, WebhookDeliveryStore deliveries,
                                   WebhookTargetGuard guard, WebhookIds ids, Transactions transactions,
                                   Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CreateWebhookEndpointOutcome create(CreateWebhookEndpointCommand command) {
        Optional<String> refusal = guard.refusal(command.url());   // resolves the host: before any row lock
        if (refusal.isPresent()) {
            throw new InvalidInputException("url", refusal.get());
        }
        return transactions.inTransaction(() -> {
            endpoints.lockBusiness(command.businessId());
            if (endpoints.list(command.businessId()).size() >= ENDPOINTS_MAX) {
                return new CreateWebhookEndpointOutcome.LimitReached(ENDPOINTS_MAX);
            }
            WebhookEndpoint endpoint = new WebhookEndpoint(ids.newEndpointId(), command.businessId(), command.url(),
                    command.events().orElseGet(WebhookEventTypes::all), ids.newSecret(), clock.instant());
            endpoints.insert(endpoint);
            return new CreateWebhookEndpointOutcome.Created(endpoint);
        });
    }

    @Override
    public Optional<WebhookEndpoint> get(BusinessId businessId, String endpointId) {
        return endpoints.findById(businessId, endpointId);
    }

    @Override
    public List<WebhookEndpoint> list(BusinessId businessId) {
        return endpoints.list(businessId);
    }

    @Override
    public boolean delete(DeleteWebhookEndpointCommand command) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!endpoints.delete(command.businessId(), command.endpointId(), now)) {
                return false;
            }
            deliveries.stopPending(command.endpointId());
            return true;
        });
    }

    @Override
    public Optional<WebhookEndpoint> enable(BusinessId businessId, String endpointId) {
        return transactions.inTransaction(() -> endpoints.enable(businessId, endpointId)
                ? endpoints.findById(businessId, endpointId) : Optional.empty());
    }

    @Override
    public Optional<String> rotateSecret(BusinessId businessId, String endpointId, Duration retiringFor) {
        if (retiringFor.isNegative() || retiringFor.compareTo(RETIRING_MAX) > 0) {
            throw new InvalidInputException("expiresInSeconds", "expiresInSeconds must be 0-"
                    + RETIRING_MAX.toSeconds());
        }
        String secret = ids.newSecret();
        return transactions.inTransaction(() -> endpoints.rotateSecret(businessId, endpointId, secret,
                clock.instant().plus(retiringFor)) ? Optional.of(secret) : Optional.empty());
    }

    @Override
    public OptionalInt recover(BusinessId businessId, String endpointId, Instant since, Optional<Instant> until) {
        Instant now = clock.instant();
        if (since.isBefore(now.minus(RECOVER_BACK_MAX))) {
            throw new InvalidInputException("since", "since must be at most " + RECOVER_BACK_MAX.toDays()
                    + " days back");
        }
        Instant end = until.orElse(now);
        if (!end.isAfter(since)) {
            throw new InvalidInputException("until", "until must be after since");
        }
        return transactions.inTransaction(() -> endpoints.findById(businessId, endpointId)
                .map(endpoint -> OptionalInt.of(deliveries.recoverFailed(endpoint.id(), since, end,
                        WebhookDeliveriesService.MANUAL_RETRY_ATTEMPTS, now)))
                .orElse(OptionalInt.empty()));
    }
}
