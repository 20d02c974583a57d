package dev.refunds.application.operator;

import dev.refunds.application.audit.AuditQuery;
import dev.refunds.application.audit.AuditRecord;
import dev.refunds.application.audit.AuditTrail;
import dev.refunds.application.fakes.Snapshottable;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operators, their token hashes and the audit trail in memory; snapshots for {@code RollbackTransactions}. */
final class InMemoryOperators implements OperatorRepository, AuditTrail, AdminIds, Snapshottable {
    private final Map<String, Operator> operators = new LinkedHashMap<>();
    private final Map<String, String> tokenHashes = new LinkedHashMap<>();
    private final List<AuditRecord> records = new ArrayList<>();
    private int next;
    boolean failAppends;

    @Override
    public void insert(Operator operator, String tokenHash) {
        operators.put(operator.operatorId(), operator);
        tokenHashes.put(tokenHash, operator.operatorId());
    }

    @Override
    public Optional<Operator> findActiveByTokenHash(String tokenHash) {
        return Optional.ofNullable(tokenHashes.get(tokenHash)).map(operators::get).filter(Operator::isActive);
    }

    @Override
    public Optional<Operator> lockById(String operatorId) {
        return Optional.ofNullable(operators.get(operatorId));
    }

    @Override
    public void revoke(Operator revoked) {
        operators.put(revoked.operatorId(), revoked);
    }

    @Override
    public Page<Operator> list(PageRequest page) {
        return new Page<>(List.copyOf(operators.values()), false);
    }

    @Override
    public void append(AuditRecord record) {
        if (failAppends) {
            throw new IllegalStateException("the audit table refused the row");
        }
        records.add(record);
    }

    @Override
    public Page<AuditRecord> list(AuditQuery query, PageRequest page) {
        return new Page<>(records.stream().filter(r -> query.subject().map(r.subject()::equals).orElse(true))
                .toList(), false);
    }

    List<AuditRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public String newOperatorId() {
        return "OP_" + ++next;
    }

    @Override
    public String newOperatorToken() {
        return "op_token_" + ++next;
    }

    @Override
    public String newAuditId() {
        return "AUD_" + ++next;
    }

    @Override
    public Runnable snapshot() {
        Map<String, Operator> operatorsBefore = new LinkedHashMap<>(operators);
        Map<String, String> hashesBefore = new LinkedHashMap<>(tokenHashes);
        List<AuditRecord> recordsBefore = new ArrayList<>(records);
        return () -> {
            operators.clear();
            operators.putAll(operatorsBefore);
            tokenHashes.clear();
            tokenHashes.putAll(hashesBefore);
            records.clear();
            records.addAll(recordsBefore);
        };
    }
}
