package dev.refunds.domain.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * What the processor said about a refund it was sent, applied by {@link Payment#settleRefund}: it took the refund
 * (→ {@code PROCESSING}), paid it (→ {@code COMPLETED}) or refused it (→ {@code FAILED}). A reversal of a
 * completed refund is not one of these: it goes through {@link Payment#reverseRefund}.
 */
public sealed interface Settlement {

    RefundStatus target();

    /** Accepted under the processor's own id for the refund. */
    record Sent(String processorReference) implements Settlement {
        public Sent {
            References.check(processorReference, "processorReference");
        }

        @Override
        public RefundStatus target() {
            return RefundStatus.PROCESSING;
        }
    }

    /** Paid out; the acquirer reference (ARN) is what the customer's bank can trace, when the processor has it. */
    record Settled(Optional<String> acquirerReference) implements Settlement {
        public Settled {
            Objects.requireNonNull(acquirerReference, "acquirerReference");
            acquirerReference.ifPresent(reference -> References.check(reference, "acquirerReference"));
        }

        @Override
        public RefundStatus target() {
            return RefundStatus.COMPLETED;
        }
    }

    record Declined(FailureCode code, String reason) implements Settlement {
        public Declined {
            Objects.requireNonNull(code, "code");
            References.checkReason(reason);
        }

        @Override
        public RefundStatus target() {
            return RefundStatus.FAILED;
        }
    }
}
