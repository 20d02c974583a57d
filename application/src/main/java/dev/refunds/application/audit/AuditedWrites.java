package dev.refunds.application.audit;

import dev.refunds.application.operator.Actor;
import dev.refunds.application.operator.AdminIds;
import dev.refunds.application.shared.Transactions;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an admin write and appends its audit record in one transaction: if either fails, both roll back, so a
 * change without its record (or a record without its change) can never be committed.
 */
public final class AuditedWrites {
    private final AuditTrail trail;
    private final AdminIds ids;
    private final Transactions transactions;
    private final Clock clock;

    public AuditedWrites(AuditTrail trail, AdminIds ids, Transactions transactions, Clock clock) {
        this.trail = trail;
        this.ids = ids;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs {@code change}; when {@code subjectIfChanged} names a subject for its result, the change happened and
     * its record is appended. A result without a subject (a refusal) changed nothing and is not recorded.
     */
    public <T> T write(Actor actor, String action, Function<T, Optional<String>> subjectIfChanged,
                       Function<T, Optional<String>> reason, Supplier<T> change) {
        return transactions.inTransaction(() -> {
            T result = change.get();
            subjectIfChanged.apply(result).ifPresent(subject -> trail.append(new AuditRecord(ids.newAuditId(),
                    clock.instant(), actor.operator().operatorId(), actor.operator().name(), action, subject,
                    reason.apply(result), actor.requestId())));
            return result;
        });
    }
}
