package dev.refunds.bootstrap;

import dev.refunds.application.port.Transactions;
import dev.refunds.application.port.WebhookDeliveryStore;
import dev.refunds.application.port.WebhookEndpointRepository;
import dev.refunds.application.port.WebhookIds;
import dev.refunds.application.port.WebhookOutbox;
import dev.refunds.application.port.WebhookSender;
import dev.refunds.application.port.WebhookTargetGuard;
import dev.refunds.application.webhook.DeliverWebhooksService;
import dev.refunds.application.webhook.DeliverWebhooksUseCase;
import dev.refunds.application.webhook.DeliverySettings;
import dev.refunds.application.webhook.RelayWebhookEventsService;
import dev.refunds.application.webhook.RelayWebhookEventsUseCase;
import dev.refunds.application.webhook.RetrySchedule;
import dev.refunds.application.webhook.WebhookDeliveriesService;
import dev.refunds.application.webhook.WebhookDeliveriesUseCase;
import dev.refunds.application.webhook.WebhookEndpointsService;
import dev.refunds.application.webhook.WebhookEndpointsUseCase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Webhooks: endpoint and delivery-log use cases for the REST adapter, and the relay and senders the worker runs. */
@Factory
final class WebhookFactory {

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
                                           SenderPool pool,
                                           @Value("${refunds.webhooks.lease:60s}") Duration lease,
                                           @Value("${refunds.webhooks.batch-size:100}") int batchSize,
                                           @Value("${refunds.webhooks.sender-wait:500ms}") Duration senderWait) {
        return new DeliverWebhooksService(deliveries, endpoints, outbox, guard, sender, transactions, clock,
                new DeliverySettings(schedule, lease, pool.size(), batchSize, senderWait), pool.executor()::execute);
    }

    @Singleton
    @Bean(preDestroy = "close")
    SenderPool webhookSenderPool(@Value("${refunds.webhooks.concurrency:8}") int concurrency) {
        return new SenderPool(concurrency);
    }

    /**
     * The fixed pool webhook attempts run on: one slow or dead endpoint holds one thread, never the others. Not an
     * {@code ExecutorService} bean, so nothing that injects Micronaut's executors can pick it up by mistake.
     */
    static final class SenderPool implements AutoCloseable {
        /** Attempts still running at shutdown get this long to finish before they are interrupted. */
        private static final long DRAIN_MS = 2_000;

        private final int size;
        private final ExecutorService executor;

        SenderPool(int size) {
            if (size < 1 || size > DeliverySettings.CONCURRENCY_MAX) {
                throw new IllegalArgumentException("refunds.webhooks.concurrency must be 1-"
                        + DeliverySettings.CONCURRENCY_MAX);
            }
            this.size = size;
            AtomicInteger count = new AtomicInteger();
            ThreadFactory threads = task -> {
                Thread thread = new Thread(task, "webhook-sender-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            this.executor = Executors.newFixedThreadPool(size, threads);
        }

        int size() {
            return size;
        }

        ExecutorService executor() {
            return executor;
        }

        @Override
        public void close() {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(DRAIN_MS, TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();   // their leases run out; another instance attempts them again
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
