package dev.refunds.application.contract;

import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.event.EventSubject;
import dev.refunds.application.event.OutboxEvent;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.WebhookOutbox;
import dev.refunds.application.webhook.WebhookOutbox.Unrelayed;
import dev.refunds.domain.business.Business;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.refunds.application.contract.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every {@link EventOutbox} and its relay side {@link WebhookOutbox} do together: an event of any subject is
 * kept with the body it built only if the caller's transaction commits, waits for the relay in the order appended,
 * and is relayed once, by whichever relay marks it first; its body stays for the deliveries. The outbox spans every
 * business, so each test looks only at its own business's events.
 */
public abstract class EventOutboxContract {
    private static final int EVERY = 10_000;
    private static final String CREATED = RefundEventType.REFUND_CREATED.wireName();

    protected abstract Storage storage();

    protected abstract EventOutbox outbox();

    protected abstract WebhookOutbox relay();

    ContractEvent appended(ContractEvent event) {
        storage().inTransaction(() -> outbox().append(event));
        return event;
    }

    /** A {@code refund.created} event of a refund of its own, appended. */
    ContractEvent appended(Business shop) {
        return appended(ContractEvent.of(shop.id(), CREATED, refund(), T0));
    }

    List<Unrelayed> unrelayed(Business shop) {
        return relay().unrelayed(EVERY).stream().filter(event -> event.businessId().equals(shop.id())).toList();
    }

    List<String> unrelayedIds(Business shop) {
        return unrelayed(shop).stream().map(Unrelayed::eventId).toList();
    }

    static EventSubject refund() {
        return new EventSubject(EventSubject.REFUND, "REF_20010203_" + Rows.suffix(10));
    }

    @Test
    void an_appended_event_waits_for_the_relay_with_its_business_type_time_and_the_body_it_built() {
        Business shop = Rows.business(storage());
        ContractEvent event = appended(ContractEvent.of(shop.id(), CREATED, refund(), T0)
                .withNote("ü \"quoted\" \\ back"));

        assertThat(unrelayed(shop)).containsExactly(new Unrelayed(event.eventId(), shop.id(),
                Optional.of(RefundEventType.REFUND_CREATED), T0));
        assertThat(relay().payload(event.eventId())).contains(event.json());
        assertThat(relay().payload("EVT_" + Rows.suffix(20))).isEmpty();
    }

    @Test
    void events_of_any_subject_are_kept_and_a_type_this_version_does_not_know_reaches_the_relay_untyped() {
        Business shop = Rows.business(storage());
        ContractEvent dispute = appended(ContractEvent.of(shop.id(), "dispute.opened",
                new EventSubject("dispute", "DSP_" + Rows.suffix(8)), T0));
        ContractEvent business = appended(ContractEvent.of(shop.id(), "business.updated",
                new EventSubject("business", shop.id().value()), T0));

        assertThat(unrelayed(shop)).extracting(Unrelayed::eventId, Unrelayed::type).containsExactly(
                tuple(dispute.eventId(), Optional.empty()),
                tuple(business.eventId(), Optional.empty()));
        assertThat(relay().payload(dispute.eventId())).contains(dispute.json());
        assertThat(relay().payload(business.eventId())).contains(business.json());
    }

    @Test
    void events_appended_together_wait_in_the_order_given_each_with_its_body() {
        Business shop = Rows.business(storage());
        ContractEvent first = ContractEvent.of(shop.id(), CREATED, refund(), T0.plusSeconds(60));
        ContractEvent second = ContractEvent.of(shop.id(), CREATED, refund(), T0);

        storage().inTransaction(() -> outbox().appendAll(List.<OutboxEvent>of(first, second)));

        assertThat(unrelayedIds(shop)).containsExactly(first.eventId(), second.eventId());
        assertThat(relay().payload(second.eventId())).contains(second.json());
    }

    @Test
    void events_wait_in_the_order_appended_whatever_their_times_and_each_subjects_stay_in_order() {
        Business shop = Rows.business(storage());
        EventSubject one = refund();
        EventSubject two = refund();
        ContractEvent first = appended(ContractEvent.of(shop.id(), CREATED, one, T0.plusSeconds(60)));
        ContractEvent second = appended(ContractEvent.of(shop.id(), CREATED, two, T0));   // a clock behind
        ContractEvent third = appended(ContractEvent.of(shop.id(), RefundEventType.REFUND_PROCESSING.wireName(), one,
                T0.plusSeconds(30)));

        assertThat(unrelayedIds(shop)).containsExactly(first.eventId(), second.eventId(), third.eventId());
        assertThat(relay().unrelayed(EVERY)).extracting(Unrelayed::eventId)
                .containsSubsequence(first.eventId(), second.eventId(), third.eventId());
    }

    @Test
    void events_appended_in_a_transaction_that_rolls_back_are_gone() {
        Business shop = Rows.business(storage());
        ContractEvent kept = appended(shop);
        ContractEvent lost = ContractEvent.of(shop.id(), CREATED, refund(), T0);

        assertThatThrownBy(() -> storage().inTransaction(() -> {
            outbox().append(lost);
            throw new IllegalStateException("the state change failed after its event was appended");
        })).hasMessageContaining("state change failed");

        assertThat(unrelayedIds(shop)).containsExactly(kept.eventId());
        assertThat(relay().payload(lost.eventId())).isEmpty();
    }

    @Test
    void an_event_id_appended_twice_fails_and_the_first_event_stays_as_it_was() {
        Business shop = Rows.business(storage());
        ContractEvent first = appended(shop);

        assertThatThrownBy(() -> appended(first.withNote("another body"))).isInstanceOf(RuntimeException.class);

        assertThat(unrelayedIds(shop)).containsExactly(first.eventId());
        assertThat(relay().payload(first.eventId())).contains(first.json());
    }

    @Test
    void a_relayed_event_waits_no_more_keeps_its_body_and_is_marked_once_by_a_transaction_that_commits() {
        Business shop = Rows.business(storage());
        ContractEvent relayed = appended(shop);
        ContractEvent waiting = appended(shop);
        Instant now = T0.plusSeconds(5);
        assertThatThrownBy(() -> storage().inTransaction(() -> {
            relay().markRelayed(relayed.eventId(), now);
            throw new IllegalStateException("the fan-out failed");
        })).hasMessageContaining("fan-out failed");
        assertThat(unrelayedIds(shop)).as("after a rolled-back mark").contains(relayed.eventId());

        assertThat(storage().inTransaction(() -> relay().markRelayed(relayed.eventId(), now))).isTrue();
        assertThat(storage().inTransaction(() -> relay().markRelayed(relayed.eventId(), now.plusSeconds(1))))
                .as("a second relay, later").isFalse();
        assertThat(storage().inTransaction(() -> relay().markRelayed("EVT_" + Rows.suffix(20), now)))
                .as("no such event").isFalse();

        assertThat(unrelayedIds(shop)).containsExactly(waiting.eventId());
        assertThat(relay().payload(relayed.eventId())).as("the deliveries still send it").contains(relayed.json());
    }

    @Test
    void marking_in_bulk_counts_only_the_events_this_call_marked() {
        Business shop = Rows.business(storage());
        ContractEvent a = appended(shop);
        ContractEvent b = appended(shop);
        ContractEvent c = appended(shop);
        storage().inTransaction(() -> relay().markRelayed(a.eventId(), T0));

        assertThat(storage().inTransaction(() -> relay().markAllRelayed(List.of(a.eventId(), b.eventId()), T0)))
                .isEqualTo(1);
        assertThat(storage().inTransaction(() -> relay().markAllRelayed(List.of(), T0))).isZero();
        assertThat(storage().inTransaction(() -> relay().markAllRelayed(List.of(a.eventId(), b.eventId()), T0)))
                .isZero();

        assertThat(unrelayedIds(shop)).containsExactly(c.eventId());
    }

    @Test
    void relays_marking_the_same_batch_at_once_relay_each_event_exactly_once() throws Exception {
        Business shop = Rows.business(storage());
        List<String> batch = IntStream.range(0, 20).mapToObj(i -> appended(shop).eventId()).sorted().toList();
        ExecutorService relays = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> marked = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                boolean inBulk = i % 2 == 1;
                marked.add(relays.submit(() -> {
                    start.await();
                    return storage().inTransaction(() -> inBulk ? relay().markAllRelayed(batch, T0)
                            : (int) batch.stream().filter(id -> relay().markRelayed(id, T0)).count());
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> relayed : marked) {
                total += relayed.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).as("events marked, summed over the relays").isEqualTo(batch.size());
        } finally {
            relays.shutdownNow();
        }
        assertThat(unrelayedIds(shop)).isEmpty();
    }
}
