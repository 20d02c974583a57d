package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.concurrency.HotPaymentRequests.Request;
import dev.refunds.bootstrap.concurrency.SerialRefundModel.Decision;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.JdbcSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the clients were told, sorted into decisions: one per request without a key, one per key. Requests that
 * share a key must agree: the ones with the body that won the key get its first answer byte for byte (replayed,
 * or a clean 409 while it still ran), the ones with another body a 422 IDEMPOTENCY_KEY_REUSED, and the key's row
 * keeps exactly the answer its first request got.
 */
record HotPaymentAnswers(List<Decision> decisions, List<String> broken) {

    static HotPaymentAnswers check(List<Request> requests, ApiResponse[] answers, JdbcSettings database,
                                   String scope) {
        List<Decision> decisions = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Map<String, List<Request>> byKey = new LinkedHashMap<>();
        for (Request request : requests) {
            if (request.key().isEmpty()) {
                decisions.add(decision(request, answers[request.index()]));
            } else {
                byKey.computeIfAbsent(request.key().get(), k -> new ArrayList<>()).add(request);
            }
        }
        byKey.forEach((key, sharing) -> {
            List<Request> first = sharing.stream().filter(r -> !replayed(answers[r.index()])
                    && !isError(answers[r.index()], 409, "IDEMPOTENCY_IN_PROGRESS")
                    && !isError(answers[r.index()], 422, "IDEMPOTENCY_KEY_REUSED")).toList();
            if (first.size() != 1) {
                broken.add("key " + key + ": " + first.size() + " requests ran, not one: " + told(sharing, answers));
                return;
            }
            Request winner = first.get(0);
            ApiResponse answer = answers[winner.index()];
            decisions.add(decision(winner, answer));
            for (Request other : sharing) {
                ApiResponse got = answers[other.index()];
                boolean same = other.body().equals(winner.body());
                boolean fits = same ? got.raw().equals(answer.raw()) && got.status() == answer.status()
                        || isError(got, 409, "IDEMPOTENCY_IN_PROGRESS")
                        : isError(got, 422, "IDEMPOTENCY_KEY_REUSED");
                if (!fits) {
                    broken.add("key " + key + ": " + other.what() + " got " + got + "; the key's first answer was "
                            + answer);
                }
            }
            Optional<String> stored = storedAnswer(database, scope, key);
            if (!stored.equals(Optional.of(answer.status() + " " + answer.raw()))) {
                broken.add("key " + key + " keeps " + stored + ", its first request was told " + answer);
            }
        });
        return new HotPaymentAnswers(decisions, broken);
    }

    /** The refunds of the payment's refund.created events, in the order they were written. */
    static List<String> createdEvents(JdbcSettings database, String paymentId) {
        return database.strings("SELECT subject_id FROM outbox_events WHERE payment_id = ?"
                + " AND subject_type = 'refund' AND event_type = 'refund.created' ORDER BY seq", paymentId);
    }

    private static Optional<String> storedAnswer(JdbcSettings database, String scope, String key) {
        return database.strings("SELECT CONCAT(response_status, ' ', response_body) FROM idempotency_keys"
                + " WHERE scope = ? AND idem_key = ?", scope, key).stream().findFirst();
    }

    private static Decision decision(Request request, ApiResponse answer) {
        boolean accepted = answer.status() == 202;
        return new Decision(request.what(), request.askedMinor(), answer.status(),
                accepted ? answer.text("refundId") : null, accepted ? Minor.of(answer.text("amount")) : 0,
                accepted ? null : answer.errorCode(), accepted ? null : answer.errorMessage());
    }

    private static boolean replayed(ApiResponse answer) {
        return answer.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent();
    }

    private static boolean isError(ApiResponse answer, int status, String code) {
        return answer.status() == status && code.equals(answer.errorCode());
    }

    private static String told(List<Request> sharing, ApiResponse[] answers) {
        StringBuilder text = new StringBuilder();
        sharing.forEach(r -> text.append("\n  ").append(r.what()).append(" -> ").append(answers[r.index()]));
        return text.toString();
    }
}
