package dev.refunds.domain.money;

/** Input that is not an amount or a currency this service accepts; the message is safe to show a client. */
public final class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String message) {
        super(message);
    }
}
