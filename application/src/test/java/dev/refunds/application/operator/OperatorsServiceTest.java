package dev.refunds.application.operator;

import dev.refunds.application.audit.AuditRecord;
import dev.refunds.application.audit.AuditedWrites;
import dev.refunds.application.fakes.FakeApiKeyHasher;
import dev.refunds.application.fakes.MutableClock;
import dev.refunds.application.fakes.RollbackTransactions;
import dev.refunds.application.shared.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorsServiceTest {
    private static final String ROOT_TOKEN = "root-token";

    private final InMemoryOperators store = new InMemoryOperators();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-17T10:00:00Z"));
    private final RollbackTransactions transactions = new RollbackTransactions(store);
    private final OperatorsService operators = new OperatorsService(store, ROOT_TOKEN::equals, new FakeApiKeyHasher(),
            store, new AuditedWrites(store, store, transactions, clock), clock);
    private final Actor root = new Actor(Operator.ROOT, "req-1");

    @Test
    void the_admin_token_is_root_and_a_created_operator_is_known_by_its_token_until_revoked() {
        CreatedOperator created = operators.create(root, "Nadia", OperatorRole.REVIEWER);

        assertThat(operators.authenticate(ROOT_TOKEN)).contains(Operator.ROOT);
        assertThat(operators.authenticate(created.token())).contains(created.operator());
        operators.revoke(root, created.operator().operatorId());
        assertThat(operators.authenticate(created.token())).isEmpty();
    }

    @Test
    void blank_unknown_and_oversized_tokens_are_nobody() {
        assertThat(operators.authenticate(null)).isEmpty();
        assertThat(operators.authenticate(" ")).isEmpty();
        assertThat(operators.authenticate("op_unknown")).isEmpty();
        assertThat(operators.authenticate(ROOT_TOKEN + "x".repeat(200))).isEmpty();
    }

    @Test
    void creating_and_revoking_are_each_recorded_once_with_the_actor() {
        CreatedOperator created = operators.create(root, "Rahim", OperatorRole.VIEWER);
        operators.revoke(root, created.operator().operatorId());

        assertThat(store.records()).extracting(AuditRecord::action).containsExactly("operator.created",
                "operator.revoked");
        assertThat(store.records()).allSatisfy(record -> {
            assertThat(record.operatorName()).isEqualTo("root");
            assertThat(record.subject()).isEqualTo(created.operator().operatorId());
            assertThat(record.requestId()).isEqualTo("req-1");
        });
    }

    @Test
    void revoking_root_an_unknown_or_a_revoked_operator_changes_nothing_and_records_nothing() {
        CreatedOperator created = operators.create(root, "Once", OperatorRole.ADMIN);
        operators.revoke(root, created.operator().operatorId());

        assertThat(operators.revoke(root, "root").outcome()).isEqualTo(Revocation.Outcome.ROOT);
        assertThat(operators.revoke(root, "OP_none").outcome()).isEqualTo(Revocation.Outcome.NOT_FOUND);
        assertThat(operators.revoke(root, created.operator().operatorId()).outcome())
                .isEqualTo(Revocation.Outcome.ALREADY_REVOKED);
        assertThat(store.records()).hasSize(2);
    }

    @Test
    void when_the_record_cannot_be_written_the_operator_is_not_created_either() {
        store.failAppends = true;

        assertThatThrownBy(() -> operators.create(root, "Ghost", OperatorRole.ADMIN))
                .isInstanceOf(IllegalStateException.class);

        assertThat(operators.list(new PageRequest(10, Optional.empty())).items()).isEmpty();
        assertThat(store.records()).isEmpty();
    }
}
