package dev.refunds.application.dispute;

import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeId;

import java.util.Optional;

/** Disputes; like refunds, they change only while their payment's row is locked. */
public interface DisputeRepository {
    void insert(Dispute dispute);

    void update(Dispute dispute);

    Optional<Dispute> findById(DisputeId id);

    /** Reads the dispute with a lock on its row; call with its payment locked (see RefundRepository#lockById). */
    Optional<Dispute> lockById(DisputeId id);
}
