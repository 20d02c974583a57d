package dev.refunds.bootstrap;

import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.DeliverWebhooksService;
import dev.refunds.application.webhook.DeliverWebhooksUseCase;
import dev.refunds.application.webhook.DeliverySettings;
import dev.refunds.application.webhook.PurgeWebhookHistoryService;
import dev.refunds.application.webhook.PurgeWebhookHistoryUseCase;
import dev.refunds.application.webhook.RelayWebhookEventsService;
import dev.refunds.application.webhook.RelayWebhookEventsUseCase;
import dev.refunds.application.webhook.RetrySchedule;
import dev.refunds.application.webhook.WebhookDeliveriesService;
import dev.refunds.application.webhook.WebhookDeliveriesUseCase;
import dev.refunds.application.webhook.WebhookDeliveryStore;
import dev.refunds.application.webhook.WebhookEndpointRepository;
import dev.refunds.application.webhook.WebhookEndpointsService;
import dev.refunds.application.webhook.WebhookEndpointsUseCase;
import dev.refunds.application.webhook.WebhookHistory;
import dev.refunds.application.webhook.WebhookIds;
import dev.refunds.application.webhook.WebhookOutbox;
import dev.refunds.application.webhook.WebhookSender;
import dev.refunds.application.webhook.WebhookTargetGuard;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Webhooks: endpoint and delivery-log use cases for the REST adapter, and the relay and senders the worker runs. */
@Factory
final class WebhookFactory {
    private static final String WEBHOOK_SENDERS = "webhook-senders";

    @Singleton
    RetrySchedule webhookRetrySchedule(
            @Value("${refunds.webhooks.retry-schedule:" + RetrySchedule.DEFAULT + "}") String schedule) {
        return RetrySchedule.parse(schedule);
    }

    @Singleton
    WebhookEndpointsUseCase webhookEndpoints(WebhookEndpointRepository endpoints, WebhookDeliveryStore deliveries,
                                             WebhookTargetGuard guard, WebhookIds ids, Transactions transactions,
                                             Clock clock) {
        return new WebhookEndpointsService(endpoints, deliveries, guard, ids, transactions, clock);
    }

    @Singleton
    WebhookDeliveriesUseCase webhookDeliveries(WebhookEndpointRepository endpoints, WebhookDeliveryStore deliveries,
                                               Transactions transactions, Clock clock) {
        return new WebhookDeliveriesService(endpoints, deliveries, transactions, clock);
    }

    @Singleton
    RelayWebhookEventsUseCase relayWebhookEvents(WebhookOutbox outbox, WebhookEndpointRepository endpoints,
                                                 WebhookDeliveryStore deliveries, WebhookIds ids,
                                                 Transactions transactions, Clock clock, RetrySchedule schedule,
                                                 @Value("${refunds.webhooks.batch-size:100}") int batchSize) {
        return new RelayWebhookEventsService(outbox, endpoints, deliveries, ids, transactions, clock, schedule,
                batchSize);
    }

    @Singleton
    DeliverWebhooksUseCase deliverWebhooks(WebhookDeliveryStore deliveries, WebhookEndpointRepository endpoints,
                                           WebhookOutbox outbox, WebhookTargetGuard guard, WebhookSender sender,
                                           Transactions transactions, Clock clock, RetrySchedule schedule,
                                           @Named(WEBHOOK_SENDERS) WorkerPool pool,
                                           @Value("${refunds.webhooks.lease:60s}") Duration lease,
                                           @Value("${refunds.webhooks.batch-size:100}") int batchSize,
                                           @Value("${refunds.webhooks.sender-wait:500ms}") Duration senderWait,
                                           @Value("${refunds.webhooks.endpoint-concurrency:4}") int perEndpoint,
                                           @Value("${refunds.webhooks.disable-after:5d}") Duration disableAfter) {
        return new DeliverWebhooksService(deliveries, endpoints, outbox, guard, sender, transactions, clock,
                new DeliverySettings(schedule, lease, pool.size(), batchSize, senderWait,
                        perEndpoint, disableAfter), pool);
    }

    @Singleton
    PurgeWebhookHistoryUseCase purgeWebhookHistory(WebhookHistory history, Transactions transactions, Clock clock,
                                                   @Value("${refunds.webhooks.retention:30d}") Duration retention,
                                                   @Value("${refunds.webhooks.purge-batch:500}") int batchSize) {
        return new PurgeWebhookHistoryService(history, transactions, clock, retention, batchSize, 100);
    }

    @Singleton
    @Named(WEBHOOK_SENDERS)
    @Bean(preDestroy = "close")
    WorkerPool webhookSenderPool(@Value("${refunds.webhooks.concurrency:8}") int concurrency) {
        return new WorkerPool("webhook-sender", "refunds.webhooks.concurrency", concurrency,
                DeliverySettings.CONCURRENCY_MAX);
    }
}
