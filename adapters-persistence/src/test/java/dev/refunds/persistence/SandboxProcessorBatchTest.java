package dev.refunds.persistence;

import dev.refunds.application.settlement.PaymentProcessor;
import dev.refunds.application.settlement.PaymentProcessor.ProcessorStatus;
import dev.refunds.application.settlement.PaymentProcessor.Submission;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.RefundId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox processor's batch calls answer what its one-by-one calls answer and leave the ledger as they would:
 * one row per refund, its outcome decided by the amount, one call more counted for a refund it had already.
 */
@OnEveryDatabase
class SandboxProcessorBatchTest {
    @Parameter
    JdbcBackend backend;

    private final String run = "REF_SBX_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";

    @Test
    void a_batch_of_submits_records_each_refund_once_and_counts_a_repeated_one() throws SQLException {
        PaymentProcessor processor = JdbcPorts.on(backend).bean(PaymentProcessor.class);
        RefundId before = refund("before");
        String beforeReference = processor.submit(before, Money.of("BDT", 500));
        List<Submission> batch = List.of(new Submission(refund("plain"), Money.of("BDT", 1000)),
                new Submission(refund("declined"), Money.of("BDT", 1013)),
                new Submission(before, Money.of("BDT", 500)),
                new Submission(refund("reversed"), Money.of("KWD", 1031)));

        Map<RefundId, String> references = processor.submitAll(batch);

        assertThat(references).containsOnlyKeys(batch.stream().map(Submission::refundId).toList());
        assertThat(references.get(before)).isEqualTo(beforeReference);
        assertThat(ledger()).containsExactly(
                "before 500 BDT SUCCEEDED calls=2",
                "declined 1013 BDT FAILED calls=1",
                "plain 1000 BDT SUCCEEDED calls=1",
                "reversed 1031 KWD REVERSED calls=1");
    }

    @Test
    void a_batch_of_status_checks_answers_what_each_check_would() {
        PaymentProcessor processor = JdbcPorts.on(backend).bean(PaymentProcessor.class);
        RefundId sent = refund("sent");
        RefundId alsoSent = refund("also_sent");
        processor.submitAll(List.of(new Submission(sent, Money.of("BDT", 700)),
                new Submission(alsoSent, Money.of("BDT", 713))));
        List<RefundId> asked = List.of(sent, refund("never_sent"), alsoSent);

        Map<RefundId, ProcessorStatus> one = new LinkedHashMap<>();
        asked.forEach(id -> one.put(id, processor.status(id)));
        Map<RefundId, ProcessorStatus> all = processor.statusAll(asked);

        assertThat(all).containsExactlyEntriesOf(one);
        assertThat(all.get(asked.get(1))).isInstanceOf(ProcessorStatus.Unknown.class);
        assertThat(all.get(sent)).isNotInstanceOf(ProcessorStatus.Unknown.class);
    }

    @AfterEach
    void forgetOurRefunds() throws SQLException {
        try (Connection connection = JdbcPorts.on(backend).ownConnection();
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM sandbox_processor_refunds WHERE refund_id LIKE '" + run + "%'");
        }
    }

    private RefundId refund(String name) {
        RefundId id = new RefundId(run + name);
        return id;
    }

    /** Our rows of the sandbox's ledger, by refund id: name, amount, currency, outcome, submit calls. */
    private List<String> ledger() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = JdbcPorts.on(backend).ownConnection();
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT refund_id, amount_minor, currency, outcome, submit_calls"
                     + " FROM sandbox_processor_refunds WHERE refund_id LIKE '" + run + "%' ORDER BY refund_id")) {
            while (row.next()) {
                rows.add(row.getString(1).substring(run.length()) + " " + row.getLong(2) + " " + row.getString(3)
                        + " " + row.getString(4) + " calls=" + row.getInt(5));
            }
        }
        return rows;
    }
}
