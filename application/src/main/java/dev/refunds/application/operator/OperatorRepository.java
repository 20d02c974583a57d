package dev.refunds.application.operator;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

import java.util.Optional;

/** Operators and the keyed hashes of their tokens (never the tokens). */
public interface OperatorRepository {
    void insert(Operator operator, String tokenHash);

    /** The operator holding this token hash, unless revoked; a plain read, no cache, so a revoke acts at once. */
    Optional<Operator> findActiveByTokenHash(String tokenHash);

    /** Reads the operator with a lock on its row until the transaction ends. */
    Optional<Operator> lockById(String operatorId);

    void revoke(Operator revoked);

    Page<Operator> list(PageRequest page);
}
