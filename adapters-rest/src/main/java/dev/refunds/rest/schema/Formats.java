package dev.refunds.rest.schema;

/** Shapes the OpenAPI document gives response fields; one place, so every schema names them alike. */
public final class Formats {
    /** v1 amounts: a plain decimal with exactly the currency's minor-unit digits ("1000.00", "500", "1.234"). */
    public static final String AMOUNT = "^(0|[1-9][0-9]*)(\\.[0-9]{1,4})?$";
    public static final String CURRENCY = "^[A-Z]{3}$";
    public static final String PAYMENT_ID = "^PAY_[0-9]{8}_[0-9A-Z]{10}$";
    public static final String REFUND_ID = "^REF_[0-9]{8}_[0-9A-Z]{10}$";
    /** Any other id: the shape every id in a path or a query must have. */
    public static final String ID = "^[A-Za-z0-9_]{1,64}$";
    public static final String DATE_TIME = "date-time";
    public static final String SUCCESS = "success";

    private Formats() {
    }
}
