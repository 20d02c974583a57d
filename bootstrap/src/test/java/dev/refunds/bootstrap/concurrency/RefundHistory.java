package dev.refunds.bootstrap.concurrency;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What clients were told about one refund under review — which approve, reject and cancel calls succeeded and which
 * were refused — checked against its final status: together they must fit one serial order of those calls.
 * From {@code PENDING_REVIEW} the only legal orders are: reject; cancel; approve; approve then cancel. So a reject
 * that succeeded excludes any other success, a refused cancel means the refund had already ended, and so on.
 */
final class RefundHistory {
    enum Call { APPROVE, REJECT, CANCEL }

    /** Statuses an approved refund may have reached (the settlement worker may move it on). */
    private static final Set<String> APPROVED = Set.of("INITIATED", "PROCESSING", "COMPLETED", "FAILED");
    /** Statuses from which a merchant cancel is refused. */
    private static final Set<String> NOT_CANCELLABLE = Set.of("REJECTED", "CANCELLED", "PROCESSING", "COMPLETED",
            "FAILED");

    private final String refundId;
    private final long amountMinor;
    private final Map<Call, AtomicInteger> succeeded = new EnumMap<>(Call.class);
    private final Map<Call, AtomicInteger> refused = new EnumMap<>(Call.class);

    RefundHistory(String refundId, long amountMinor) {
        this.refundId = refundId;
        this.amountMinor = amountMinor;
        for (Call call : Call.values()) {
            succeeded.put(call, new AtomicInteger());
            refused.put(call, new AtomicInteger());
        }
    }

    String refundId() {
        return refundId;
    }

    long amountMinor() {
        return amountMinor;
    }

    void record(Call call, boolean success) {
        (success ? succeeded : refused).get(call).incrementAndGet();
    }

    /** Empty if the answers and {@code finalStatus} fit one serial order of the calls; else the contradiction. */
    Optional<String> contradiction(String finalStatus) {
        int approved = succeeded.get(Call.APPROVE).get();
        int rejected = succeeded.get(Call.REJECT).get();
        int cancelled = succeeded.get(Call.CANCEL).get();
        if (approved > 1 || rejected > 1 || cancelled > 1) {
            return why("a transition succeeded twice");
        }
        if (rejected == 1 && approved + cancelled > 0) {
            return why("a reject succeeded alongside an approve or a cancel");
        }
        boolean fits = rejected == 1 ? finalStatus.equals("REJECTED")
                : cancelled == 1 ? finalStatus.equals("CANCELLED")
                : approved == 1 ? APPROVED.contains(finalStatus)
                : finalStatus.equals("PENDING_REVIEW");
        if (!fits) {
            return why("the final status does not match the calls that succeeded");
        }
        if (refused.get(Call.CANCEL).get() > 0 && !NOT_CANCELLABLE.contains(finalStatus)) {
            return why("a cancel was refused although the refund is still cancellable");
        }
        if (refused.get(Call.APPROVE).get() + refused.get(Call.REJECT).get() > 0
                && finalStatus.equals("PENDING_REVIEW")) {
            return why("a review was refused although the refund is still in review");
        }
        return Optional.empty();
    }

    /** For messages: {@code REF_… 12.34 ok{APPROVE=1,…} refused{…}}. */
    String describe() {
        return refundId + " " + Minor.text(amountMinor) + " succeeded" + succeeded + " refused" + refused;
    }

    private Optional<String> why(String reason) {
        return Optional.of(reason);
    }
}
