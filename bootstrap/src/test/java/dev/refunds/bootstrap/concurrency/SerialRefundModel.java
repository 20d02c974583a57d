package dev.refunds.bootstrap.concurrency;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serial model of refund requests on one payment: requests decided one after another, each against what the
 * earlier ones left. Given the refunds the database kept, in the order it committed them, it says whether each
 * decision a client was told is the one the model gives at some point of that order: an accepted refund at its own
 * place (a full refund takes exactly what was left there), a refusal where what was left was less than it asked.
 */
final class SerialRefundModel {
    /** The refundable amount a refusal reports, as AMOUNT_EXCEEDS_REFUNDABLE's message writes it. */
    private static final Pattern REFUNDABLE = Pattern.compile("refundable amount (\\d+\\.\\d{2})");

    /** One refund the database kept. */
    record Committed(String refundId, long minor) {
    }

    /** One decision a client was told: accepted (a refund id) or refused (the message of the refusal). */
    record Decision(String what, Optional<Long> askedMinor, int status, String refundId, long minor,
                    String errorCode, String message) {
        boolean accepted() {
            return status == 202;
        }
    }

    private SerialRefundModel() {
    }

    /** What contradicts the model; empty when every decision fits the committed order. */
    static List<String> violations(long paymentMinor, List<Committed> committed, List<Decision> decisions) {
        List<String> wrong = new ArrayList<>();
        List<Long> left = new ArrayList<>();   // left.get(k): what was refundable after the first k refunds
        Map<String, Integer> place = new HashMap<>();
        long remaining = paymentMinor;
        left.add(remaining);
        for (Committed refund : committed) {
            place.put(refund.refundId(), left.size() - 1);
            remaining -= refund.minor();
            if (refund.minor() <= 0 || remaining < 0) {
                wrong.add("refund " + refund + " takes more than was left: the refunds exceed the payment");
            }
            left.add(remaining);
        }
        int acceptedCount = 0;
        for (Decision decision : decisions) {
            if (decision.accepted()) {
                acceptedCount++;
                Integer at = place.get(decision.refundId());
                if (at == null) {
                    wrong.add(decision.what() + " was accepted as " + decision.refundId() + ", which was not kept");
                    continue;
                }
                long kept = committed.get(at).minor();
                long expected = decision.askedMinor().orElse(left.get(at));
                if (kept != expected || decision.minor() != expected) {
                    wrong.add(decision.what() + " at place " + at + " (left " + left.get(at) + "): told "
                            + decision.minor() + ", kept " + kept + ", the model gives " + expected);
                }
            } else if (decision.status() == 422 && "AMOUNT_EXCEEDS_REFUNDABLE".equals(decision.errorCode())) {
                Optional<Long> reported = refundableIn(decision.message());
                long asked = decision.askedMinor().orElse(0L);
                boolean fits = reported.isPresent() && left.contains(reported.get())
                        && (decision.askedMinor().isPresent() ? asked > reported.get() : reported.get() == 0);
                if (!fits) {
                    wrong.add(decision.what() + " was refused with \"" + decision.message() + "\", but no place in "
                            + left + " refuses it so");
                }
            } else {
                wrong.add(decision.what() + " got an answer the model never gives: " + decision.status() + " "
                        + decision.errorCode() + " " + decision.message());
            }
        }
        if (acceptedCount != committed.size()) {
            wrong.add(acceptedCount + " decisions accepted, " + committed.size() + " refunds kept");
        }
        return wrong;
    }

    private static Optional<Long> refundableIn(String message) {
        Matcher matcher = REFUNDABLE.matcher(message == null ? "" : message);
        return matcher.find() ? Optional.of(new BigDecimal(matcher.group(1)).movePointRight(2).longValueExact())
                : Optional.empty();
    }
}
