package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.ApiResponse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the clients of one burst were answered: every answer is counted under {@code "202"}, {@code "409
 * INVALID_STATE"} and so on, and any answer the scenario did not expect (a 5xx, an error outside the envelope, a
 * dropped connection) is kept whole, request id included, so the server log can be searched for it.
 */
final class Tally {
    /** What must never reach a client: stack traces, class names, SQL. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|\\bsql|jdbc|deadlock|lock wait|\\bat [a-z]+\\.[a-z]+\\.|hikari|innodb");

    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> surprises = new ConcurrentLinkedQueue<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** Sends one request; a transport failure is recorded as a surprise and answered with {@code null}. */
    ApiResponse send(String what, Supplier<ApiResponse> call) {
        requests.increment();
        try {
            ApiResponse response = call.get();
            answers.computeIfAbsent(key(response), k -> new LongAdder()).increment();
            return response;
        } catch (RuntimeException e) {
            answers.computeIfAbsent("no answer", k -> new LongAdder()).increment();
            surprises.add(what + " -> no answer: " + e);
            return null;
        }
    }

    /** Counts a 2xx the scenario expected. */
    void accept() {
        accepted.increment();
    }

    /** True, and counted as refused, if the answer is a clean error envelope with this status and code. */
    boolean refusedAs(ApiResponse response, int status, String code) {
        return refusedAs(response, status, code, null);
    }

    /** As {@link #refusedAs(ApiResponse, int, String)}, and the envelope names this field ({@code null}: any). */
    boolean refusedAs(ApiResponse response, int status, String code, String field) {
        if (!isCleanError(response, status, code) || (field != null && !field.equals(response.errorField()))) {
            return false;
        }
        refused.increment();
        return true;
    }

    void surprise(String what, ApiResponse response) {
        surprises.add(what + " -> " + response);
    }

    long requests() {
        return requests.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    long refused() {
        return refused.sum();
    }

    long count(String answer) {
        LongAdder count = answers.get(answer);
        return count == null ? 0 : count.sum();
    }

    /** The answers the scenario did not allow, each with what was asked. */
    List<String> surprises() {
        return List.copyOf(surprises);
    }

    String describeSurprises() {
        return "answers no client should ever get (" + surprises.size() + " of " + requests() + " requests; by answer: "
                + byAnswer() + ")";
    }

    /** No 5xx, no answer outside the envelope, no dropped request: every answer was one the scenario allows. */
    void assertNoSurprises() {
        List<String> all = List.copyOf(surprises);
        assertThat(all).as("answers no client should ever get (%d of %d requests; by answer: %s)", all.size(),
                requests(), byAnswer()).isEmpty();
    }

    /** The one line the lead quotes: requests, accepted, refused, elapsed ms, and the answers by kind. */
    void print(String backend, int instances, String scenario, int threads, long elapsedMs) {
        System.out.printf("[concurrency] %s x%d | %s | threads=%d requests=%d accepted=%d refused=%d other=%d"
                        + " elapsedMs=%d | %s%n", backend, instances, scenario, threads, requests(), accepted(),
                refused(), surprises.size(), elapsedMs, byAnswer());
        System.out.flush();
    }

    Map<String, Long> byAnswer() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((answer, count) -> sorted.put(answer, count.sum()));
        return sorted;
    }

    static boolean isCleanError(ApiResponse response, int status, String code) {
        return response.status() == status
                && response.json() != null
                && "error".equals(response.json().path("status").asText(null))
                && code.equals(response.errorCode())
                && response.errorMessage() != null && !response.errorMessage().isBlank()
                && !INTERNALS.matcher(response.raw()).find();
    }

    private static String key(ApiResponse response) {
        String code = response.json() == null ? null : response.errorCode();
        return code == null ? String.valueOf(response.status()) : response.status() + " " + code;
    }
}
