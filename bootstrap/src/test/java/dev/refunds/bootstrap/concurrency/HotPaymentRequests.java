package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.Api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refund requests racing on one hot payment, as a property generates them: partial amounts that soon exhaust the
 * payment, full refunds, and idempotency keys that are new, replayed (an earlier request's key and body) or reused
 * (an earlier request's key with another body), each sent through one of the instances after a small delay.
 */
final class HotPaymentRequests {
    enum KeyUse { NONE, NEW, REPLAY, REUSE }

    /** What the generator draws for one request; {@code earlier} picks the request a replay or reuse copies. */
    record Ask(boolean full, int percentOfPayment, KeyUse keyUse, int earlier, int instance, int delayMicros) {
    }

    /** One request as sent: its body, its key (if any) and what it asked for (empty: the whole refundable amount). */
    record Request(int index, String body, Optional<String> key, Optional<Long> askedMinor, int instance,
                   int delayMicros) {
        String what() {
            return "request " + index + " " + body + key.map(k -> " key " + k).orElse("");
        }

        String[] headers(String[] merchant) {
            return key.map(k -> Api.with(merchant, "X-Idempotency-Key", k)).orElse(merchant);
        }
    }

    private HotPaymentRequests() {
    }

    /** Turns the drawn asks into requests on a payment of {@code paymentMinor}; keys are unique to {@code run}. */
    static List<Request> of(List<Ask> asks, long paymentMinor, String run) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            Optional<Long> asked = ask.full() ? Optional.empty()
                    : Optional.of(Math.max(1, paymentMinor * ask.percentOfPayment() / 100));
            Map<String, String> body = new LinkedHashMap<>();
            asked.ifPresent(minor -> body.put("amount", Minor.text(minor)));
            body.put("reason", "hot " + i);
            Optional<String> key = Optional.of(run + "-" + i);
            String json = Api.json(body);
            Request copied = requests.isEmpty() ? null : requests.get(ask.earlier() % i);
            KeyUse use = copied == null && ask.keyUse() != KeyUse.NONE ? KeyUse.NEW : ask.keyUse();
            switch (use) {
                case NONE -> key = Optional.empty();
                case NEW -> { }
                case REPLAY -> {
                    if (copied.key().isPresent()) {
                        requests.add(new Request(i, copied.body(), copied.key(), copied.askedMinor(),
                                ask.instance(), ask.delayMicros()));
                        continue;
                    }
                }
                case REUSE -> key = copied.key().isPresent() ? copied.key() : key;
            }
            requests.add(new Request(i, json, key, asked, ask.instance(), ask.delayMicros()));
        }
        return requests;
    }
}
