package dev.refunds.rest;

import dev.refunds.rest.doc.ApiSecurity;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document's head; the paths are generated from the controllers at compile time. The tags' order is
 * the order Redoc shows them in; {@code <SecurityDefinitions />} is where Redoc 2 draws the security schemes (it
 * does not add an Authentication section by itself).
 */
@OpenAPIDefinition(info = @Info(title = "Refunds service", version = "1",
        description = ApiDocumentation.DESCRIPTION),
        servers = @Server(url = "/", description = "The service that serves this document"),
        tags = {
            @Tag(name = "Payments", description = "v1 payments of the calling business"),
            @Tag(name = "Refunds", description = "v1 refunds: request, follow, cancel, sync"),
            @Tag(name = "SecPaid v2", description = "The SecPaid-style v2 refund API"),
            @Tag(name = "Webhooks", description = "Webhook endpoints and their deliveries"),
            @Tag(name = "Admin", description = "Operators: review queue, businesses, disputes, audit"),
            @Tag(name = "Reports", description = "CSV exports and balances"),
            @Tag(name = "Operations", description = "Health and metrics")
        })
@SecurityScheme(name = ApiSecurity.CLIENT_ID, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "Client-Id", description = "The merchant's client id; sent with Business-Id and X-Api-Key")
@SecurityScheme(name = ApiSecurity.BUSINESS_ID, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "Business-Id", description = "The merchant's business id; sent with Client-Id and X-Api-Key")
@SecurityScheme(name = ApiSecurity.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-Api-Key", description = "The merchant's API key; sent with Client-Id and Business-Id")
@SecurityScheme(name = ApiSecurity.ADMIN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An operator token (admin API and /metrics)")
final class ApiDocumentation {
    static final String DESCRIPTION = """
            Payments and their refunds (v1, ShadhinPay style), SecPaid refunds (v2) and the admin API.

            **Credentials.** v1 and v2 take `Client-Id`, `Business-Id` and `X-Api-Key`; admin endpoints and \
            `/metrics` take `Authorization: Bearer <admin token>`. Another business's resource answers 404.

            **Envelope.** Success: `{"status":"success","data":…}`. Error: \
            `{"status":"error","error":{"code","message","field?"}}` with codes VALIDATION_ERROR 400, \
            UNAUTHORIZED 401, NOT_FOUND 404, METHOD_NOT_ALLOWED 405, PAYLOAD_TOO_LARGE 413 (bodies over 64 KiB), \
            UNSUPPORTED_MEDIA_TYPE 415, INVALID_STATE 409, PAYMENT_NOT_REFUNDABLE 409, INVOICE_NOT_REFUNDABLE 409, \
            REFUND_ALREADY_REQUESTED 409, REFUND_BLOCKED_BY_DISPUTE 409, PAYMENT_CHARGED_BACK 409, \
            AMOUNT_EXCEEDS_REFUNDABLE 422, IDEMPOTENCY_KEY_REUSED 422, IDEMPOTENCY_IN_PROGRESS 409, \
            SERVICE_UNAVAILABLE 503, INTERNAL_ERROR 500 (with a request id, nothing else).

            **Idempotency.** Any POST may carry `X-Idempotency-Key` (1-255 printable ASCII, scoped to the \
            business): the same key and request replays the first answer with `Idempotent-Replayed: true`; the \
            same key with another request is 422; while the first still runs, 409. Keys are kept 25 h.

            **Amounts.** v1 amounts are strings with exactly the currency's minor-unit digits ("500.00" BDT, \
            "500" JPY, "1.234" KWD); v2's `refund_amount` is a JSON number read exactly.

            **Sandbox processor.** Refunds settle after `REFUNDS_SANDBOX_SETTLE_DELAY` (default 2 s); every \
            refund whose amount in minor units ends in 13 ("10.13") is declined and ends FAILED.

            # Authentication

            Merchant operations (payments, refunds, SecPaid v2, webhooks, reports) need all three merchant \
            headers, `Client-Id`, `Business-Id` and `X-Api-Key`, as the admin API returned them when it created \
            the business; admin operations need `Authorization: Bearer <admin token>`. Each operation names \
            the schemes it needs under "Authorizations".

            <SecurityDefinitions />
            """;

    private ApiDocumentation() {
    }
}
