package dev.refunds.persistence.sandbox;

import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.RefundId;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;

/**
 * A test hook into the sandbox processor's ledger: it makes the processor disagree with the books in each way
 * reconciliation must notice. Only the sandbox has it; a real processor's statement is what it is.
 */
@Singleton
@RequiresSandbox
public final class SandboxLedgerHook {
    private final SandboxProcessor.LedgerRows ledger;
    private final TransactionOperations<Connection> transactions;

    SandboxLedgerHook(SandboxProcessor.LedgerRows ledger, TransactionOperations<Connection> transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    /** A refund the processor settled (completed) at {@code settledAt} that the books never asked for. */
    public void settleUnknownRefund(String refundId, Money amount, Instant settledAt) {
        long atMs = settledAt.toEpochMilli();
        transactions.executeWrite(status -> {
            ledger.receive(refundId, amount.minorUnits(), amount.currency().getCurrencyCode(), atMs, atMs,
                    "SUCCEEDED", null, null);
            return null;
        });
    }

    /** The processor loses every trace of the refund; true when it had one. */
    public boolean forget(RefundId refundId) {
        return transactions.executeWrite(status -> ledger.forget(refundId.value())) == 1;
    }

    /** The processor's record of the refund says another amount (same currency); true when it had one. */
    public boolean changeAmount(RefundId refundId, long amountMinor) {
        return transactions.executeWrite(status -> ledger.changeAmount(refundId.value(), amountMinor)) == 1;
    }
}
