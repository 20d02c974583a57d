package dev.refunds.domain.payment;

/** A dispute is {@code OPEN} until closed as {@code WON} (block lifted) or {@code LOST} (charged back for good). */
public enum DisputeStatus {
    OPEN, WON, LOST;

    /** True when no new refund may be requested on the disputed payment. */
    public boolean blocksRefunds() {
        return this != WON;
    }
}
