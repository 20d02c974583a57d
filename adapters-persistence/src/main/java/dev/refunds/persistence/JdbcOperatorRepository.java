package dev.refunds.persistence;

import dev.refunds.application.operator.Operator;
import dev.refunds.application.operator.OperatorRepository;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import jakarta.inject.Singleton;

import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcOperatorRepository implements OperatorRepository {
    private final OperatorRows rows;

    JdbcOperatorRepository(OperatorRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(Operator operator, String tokenHash) {
        rows.insert(operator.operatorId(), operator.name(), operator.role().name(), tokenHash,
                Times.millis(operator.createdAt()));
    }

    @Override
    public Optional<Operator> findActiveByTokenHash(String tokenHash) {
        return rows.findActive(tokenHash).map(OperatorRow::toDomain);
    }

    @Override
    public Optional<Operator> lockById(String operatorId) {
        return rows.lock(operatorId).map(OperatorRow::toDomain);
    }

    @Override
    public void revoke(Operator revoked) {
        long at = Times.millis(revoked.revokedAt().orElseThrow(() -> new IllegalArgumentException("not revoked")));
        if (rows.revoke(revoked.operatorId(), at) != 1) {
            throw new IllegalStateException("operator " + revoked.operatorId() + " was not active under its lock");
        }
    }

    @Override
    public Page<Operator> list(PageRequest page) {
        long before = Pages.cursorSeq(page, rows::findSeq, Long.MAX_VALUE);
        return Pages.of(rows.pageBefore(before, page.limit() + 1), page, OperatorRow::toDomain);
    }
}
