package dev.refunds.application.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delays between the attempts of one delivery ({@code 5s,5m,30m,2h,5h,10h,10h}: eight attempts in all).
 * After the last delay's attempt fails, the delivery is {@code FAILED}.
 */
public record RetrySchedule(List<Duration> delays) {
    public static final String DEFAULT = "5s,5m,30m,2h,5h,10h,10h";
    public static final int DELAYS_MAX = 20;
    private static final Pattern DELAY = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.size() > DELAYS_MAX) {
            throw new IllegalArgumentException("a retry schedule has at most " + DELAYS_MAX + " delays");
        }
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays are never negative");
        }
    }

    /** Parses {@code "5s,5m,2h"}: whole numbers with ms, s, m, h or d; blank means a single attempt. */
    public static RetrySchedule parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            Matcher matcher = DELAY.matcher(item);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("retry delay '" + item + "' is not like 5s, 200ms, 30m, 2h or 1d");
            }
            long amount = Long.parseLong(matcher.group(1));
            delays.add(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return new RetrySchedule(delays);
    }

    /** Attempts a delivery gets before it is {@code FAILED}: the first, then one after each delay. */
    public int attemptsMax() {
        return delays.size() + 1;
    }

    /** The schedule's longest step: no {@code Retry-After} moves an attempt further than this. */
    public Duration longest() {
        return delays.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** The wait after a failed attempt that leaves {@code attemptsLeft} attempts (1 … attemptsMax − 1). */
    public Duration delayBefore(int attemptsLeft) {
        int index = Math.max(0, Math.min(delays.size() - attemptsLeft, delays.size() - 1));
        return delays.isEmpty() ? Duration.ZERO : delays.get(index);
    }
}
