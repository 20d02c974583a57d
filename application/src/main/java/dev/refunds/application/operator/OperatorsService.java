package dev.refunds.application.operator;

import dev.refunds.application.audit.AuditedWrites;
import dev.refunds.application.business.ApiKeyHasher;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class OperatorsService implements OperatorsUseCase {
    /** Longer bearer tokens are refused before any hashing or lookup. */
    static final int TOKEN_LENGTH_MAX = 128;

    private final OperatorRepository operators;
    private final AdminAuthenticator root;
    private final ApiKeyHasher hasher;
    private final AdminIds ids;
    private final AuditedWrites audited;
    private final Clock clock;

    public OperatorsService(OperatorRepository operators, AdminAuthenticator root, ApiKeyHasher hasher, AdminIds ids,
                            AuditedWrites audited, Clock clock) {
        this.operators = operators;
        this.root = root;
        this.hasher = hasher;
        this.ids = ids;
        this.audited = audited;
        this.clock = clock;
    }

    @Override
    public Optional<Operator> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > TOKEN_LENGTH_MAX) {
            return Optional.empty();
        }
        if (root.isAdminToken(token)) {
            return Optional.of(Operator.ROOT);
        }
        return operators.findActiveByTokenHash(hasher.hash(token));
    }

    @Override
    public CreatedOperator create(Actor actor, String name, OperatorRole role) {
        String token = ids.newOperatorToken();
        Instant now = clock.instant();
        Operator operator = new Operator(ids.newOperatorId(), name, role, now, Optional.empty());
        String hash = hasher.hash(token);
        return audited.write(actor, "operator.created", created -> Optional.of(operator.operatorId()),
                created -> Optional.of(name + " as " + role), () -> {
                    operators.insert(operator, hash);
                    return new CreatedOperator(operator, token);
                });
    }

    @Override
    public Revocation revoke(Actor actor, String operatorId) {
        if (Operator.ROOT_ID.equals(operatorId)) {
            return Revocation.of(Revocation.Outcome.ROOT);
        }
        return audited.write(actor, "operator.revoked",
                revocation -> revocation.outcome() == Revocation.Outcome.REVOKED
                        ? Optional.of(operatorId) : Optional.empty(),
                revocation -> Optional.empty(), () -> {
                    Optional<Operator> found = operators.lockById(operatorId);
                    if (found.isEmpty()) {
                        return Revocation.of(Revocation.Outcome.NOT_FOUND);
                    }
                    if (!found.get().isActive()) {
                        return new Revocation(Revocation.Outcome.ALREADY_REVOKED, found);
                    }
                    Operator revoked = found.get().revoked(clock.instant());
                    operators.revoke(revoked);
                    return new Revocation(Revocation.Outcome.REVOKED, Optional.of(revoked));
                });
    }

    @Override
    public Page<Operator> list(PageRequest page) {
        return operators.list(page);
    }
}
