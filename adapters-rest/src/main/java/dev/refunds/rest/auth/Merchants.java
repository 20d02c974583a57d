package dev.refunds.rest.auth;

/** Where the authenticated merchant travels with a request. */
public final class Merchants {
    /** Controllers take the merchant with {@code @RequestAttribute(Merchants.ATTRIBUTE) Business merchant}. */
    public static final String ATTRIBUTE = "refunds.merchant";
    static final String CLIENT_ID_HEADER = "Client-Id";
    static final String BUSINESS_ID_HEADER = "Business-Id";
    static final String API_KEY_HEADER = "X-Api-Key";

    private Merchants() {
    }
}
