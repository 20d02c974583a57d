package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * v2 takes the same merchant credentials as v1: anything less is a 401 before the body is looked at, and another
 * business's link is "Link not found", never a 403 and never its data.
 */
@OnH2AndMariaDb
class SecPaidAuthTest extends SecPaidContract {

    @Test
    void refund_payment_without_credentials_is_401_and_creates_nothing() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = api.post(REFUND_PAYMENT, body(link, "20.00"));

        assertErrorEnvelope(answer, 401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(v1Refunds(link)).isEmpty();
    }

    @Test
    void refund_status_without_credentials_is_401_and_shows_nothing() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        requestedThroughV2(link, "20.00");

        ApiResponse answer = api.get(REFUND_STATUS + "?pay_id=" + link.payId());

        assertErrorEnvelope(answer, 401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(answer.raw()).doesNotContain("REF_");
    }

    @Test
    void without_credentials_even_a_body_that_is_not_json_is_401() {
        ApiResponse answer = api.post(REFUND_PAYMENT, "not json");

        assertErrorEnvelope(answer, 401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    Stream<Arguments> wrongCredentials() {
        return Stream.of(
                arguments("Client-Id missing", credentials((own, other) -> new String[] {
                        "Business-Id", own.businessId(), "X-Api-Key", own.apiKey()})),
                arguments("Business-Id missing", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "X-Api-Key", own.apiKey()})),
                arguments("X-Api-Key missing", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId()})),
                arguments("X-Api-Key wrong", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId(),
                        "X-Api-Key", own.apiKey() + "x"})),
                arguments("another business's X-Api-Key", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId(), "X-Api-Key", other.apiKey()})),
                arguments("another client's Client-Id", credentials((own, other) -> new String[] {
                        "Client-Id", other.clientId(), "Business-Id", own.businessId(), "X-Api-Key", own.apiKey()})),
                arguments("the admin token instead", credentials((own, other) -> Api.admin())));
    }

    /** Lets the test build the headers once it has made the two businesses. */
    private static BiFunction<Merchant, Merchant, String[]> credentials(BiFunction<Merchant, Merchant, String[]> f) {
        return f;
    }

    @ParameterizedTest(name = "{0} → 401 on both v2 calls")
    @MethodSource("wrongCredentials")
    void wrong_credentials_are_401_on_both_v2_calls(String description,
                                                     BiFunction<Merchant, Merchant, String[]> headers) {
        Merchant own = secPaidBusiness();
        Merchant other = secPaidBusiness();
        Link link = paidLink(own, "49.99");
        requestedThroughV2(link, "20.00");
        Link fresh = paidLink(own, "49.99");

        ApiResponse request = api.post(REFUND_PAYMENT, body(fresh, "20.00"), headers.apply(own, other));
        ApiResponse status = api.get(REFUND_STATUS + "?pay_id=" + link.payId(), headers.apply(own, other));

        assertErrorEnvelope(request, 401);
        assertThat(request.errorCode()).isEqualTo("UNAUTHORIZED");
        assertErrorEnvelope(status, 401);
        assertThat(status.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(v1Refunds(fresh)).isEmpty();
    }

    @Test
    void a_pay_id_of_another_business_is_link_not_found_on_both_v2_calls_and_its_refund_is_untouched() {
        Link theirs = paidLink(secPaidBusiness(), "49.99");
        String theirRefund = requestedThroughV2(theirs, "20.00");
        Link theirUntouched = paidLink(secPaidBusiness(), "49.99");
        Merchant me = secPaidBusiness();

        assertSecPaidError(refundPayment(me, body(theirUntouched, "20.00")), 404, LINK_NOT_FOUND);
        assertSecPaidError(refundStatus(me, theirs.payIdText()), 404, LINK_NOT_FOUND);

        assertThat(v1Refunds(theirUntouched)).isEmpty();
        assertRefundStatus(refundStatus(theirs), theirs, theirRefund, "20.00", "Pending", null);
    }

    @Test
    void another_business_of_the_same_shape_cannot_tell_a_foreign_link_from_an_unknown_one() {
        Link theirs = paidLink(secPaidBusiness(), "49.99");
        Merchant me = secPaidBusiness();

        ApiResponse foreign = refundPayment(me, body(theirs, "20.00"));
        ApiResponse unknown = refundPayment(me, body(UNKNOWN_PAY_ID, "20.00", null));

        assertSecPaidError(foreign, 404, LINK_NOT_FOUND);
        assertThat(foreign.raw()).isEqualTo(unknown.raw());
        assertThat(foreign.raw()).doesNotContain(theirs.payIdText());
    }
}
