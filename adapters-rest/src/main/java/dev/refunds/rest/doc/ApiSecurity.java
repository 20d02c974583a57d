package dev.refunds.rest.doc;

/** Names of the OpenAPI security schemes declared on the document's head. */
public final class ApiSecurity {
    public static final String CLIENT_ID = "ClientId";
    public static final String BUSINESS_ID = "BusinessId";
    public static final String API_KEY = "ApiKey";
    public static final String ADMIN = "AdminBearer";

    private ApiSecurity() {
    }
}
