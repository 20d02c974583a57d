package dev.refunds.application.operator;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

import java.util.Optional;

/** Operators: who a bearer token belongs to, and creating, listing and revoking them (an ADMIN's acts). */
public interface OperatorsUseCase {
    /** The active operator whose token this is; read from the database every time, so a revoke acts at once. */
    Optional<Operator> authenticate(String token);

    CreatedOperator create(Actor actor, String name, OperatorRole role);

    Revocation revoke(Actor actor, String operatorId);

    /** Every operator, newest first, {@code root} not among them. */
    Page<Operator> list(PageRequest page);
}
