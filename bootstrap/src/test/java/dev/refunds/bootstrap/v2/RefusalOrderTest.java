package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SecPaid table ("Conditions That Block Refunds", API.md "v2") as a table: every situation a link can be in,
 * crossed with every kind of {@code refund_amount}. A request that breaks one row gets that row's status and
 * message; one that breaks several gets the row earliest in the table; one that breaks none is accepted.
 * Situations that cannot exist are not built: a cancelled link has no refunds and no disputes, an invoice has no
 * refunds (so cancelled + already requested, cancelled + dispute and invoice + already requested are absent).
 */
@OnH2AndMariaDb
class RefusalOrderTest extends SecPaidContract {

    /** The rows of the table, in its order. */
    enum Row {
        AMOUNT_REQUIRED(400, SecPaidContract.AMOUNT_REQUIRED),
        LINK_NOT_FOUND(404, SecPaidContract.LINK_NOT_FOUND),
        LINK_CANCELLED(409, SecPaidContract.LINK_CANCELLED),
        INVOICE(409, SecPaidContract.INVOICE),
        ALREADY_REQUESTED(409, SecPaidContract.ALREADY_REQUESTED),
        BLOCKED_BY_DISPUTE(409, SecPaidContract.BLOCKED_BY_DISPUTE),
        INVALID_AMOUNT(422, SecPaidContract.INVALID_AMOUNT);

        final int status;
        final String message;

        Row(int status, String message) {
            this.status = status;
            this.message = message;
        }
    }

    /**
     * What a request is aimed at: who asks, the {@code pay_id} literal, what is left to refund (for the amount
     * variants), the v2 status of a refund it would create, and the real link behind the {@code pay_id}, if any
     * (whose refunds a refused request must leave as they were).
     */
    record Target(Merchant caller, String payId, BigDecimal refundable, String acceptedAs, Optional<Link> link) {
        static Target of(Link link, String refundable, String acceptedAs) {
            return new Target(link.owner(), link.payIdText(), new BigDecimal(refundable), acceptedAs,
                    Optional.of(link));
        }

        static Target foreign(Merchant caller, String payId) {
            return new Target(caller, payId, new BigDecimal("100.00"), null, Optional.empty());
        }

        /** {@code payId} is how the request names {@code link}, wrongly. */
        static Target misnamed(Link link, String payId) {
            return new Target(link.owner(), payId, new BigDecimal("100.00"), null, Optional.of(link));
        }
    }

    /** A link in some state, built through the v1 and admin APIs, and the rows of the table it breaks. */
    record Situation(String description, Set<Row> rows, Supplier<Target> build) {
    }

    /** The {@code refund_amount} (and {@code isFullRefund}) part of the body, from what is refundable. */
    record AmountPart(String refundAmount, String isFullRefund) {
    }

    record Amount(String description, Optional<Row> row, Function<BigDecimal, AmountPart> part) {
        static Amount of(String description, Row row, Function<BigDecimal, AmountPart> part) {
            return new Amount(description, Optional.ofNullable(row), part);
        }
    }

    record Case(Situation situation, Amount amount) {
        Set<Row> rows() {
            Set<Row> rows = EnumSet.noneOf(Row.class);
            rows.addAll(situation.rows());
            amount.row().ifPresent(rows::add);
            return rows;
        }

        Optional<Row> expected() {
            return rows().stream().min(Comparator.naturalOrder());
        }

        @Override
        public String toString() {
            return amount.description() + " for " + situation.description() + " → "
                    + expected().map(row -> row.status + " " + row.message).orElse("200 accepted");
        }
    }

    // ---- the table ------------------------------------------------------------------------------------------

    private static final String HUNDRED = "100.00";

    List<Situation> situations() {
        return List.of(
                // breaking no row
                new Situation("a paid link of a SecPaid (MANUAL + SINGLE) business", Set.of(),
                        () -> Target.of(paidLink(secPaidBusiness(), HUNDRED), HUNDRED, "Pending")),
                new Situation("a paid link of a ShadhinPay (AUTO + MULTIPLE) business with a refund in flight",
                        Set.of(), () -> {
                            Link link = paidLink(shadhinPayBusiness(), HUNDRED);
                            refundedThroughV1(link, "10.00");
                            return Target.of(link, "90.00", "Approved");
                        }),
                new Situation("a link of a SINGLE business whose only refund was rejected", Set.of(), () -> {
                    Link link = paidLink(secPaidBusiness(), HUNDRED);
                    reject(requestedThroughV2(link, "10.00"), "not eligible");
                    return Target.of(link, HUNDRED, "Pending");
                }),
                new Situation("a link of a SINGLE business whose only refund was cancelled", Set.of(), () -> {
                    Link link = paidLink(secPaidBusiness(), HUNDRED);
                    cancelThroughV1(link, requestedThroughV2(link, "10.00"));
                    return Target.of(link, HUNDRED, "Pending");
                }),
                new Situation("a link whose dispute was won", Set.of(), () -> {
                    Link link = paidLink(secPaidBusiness(), HUNDRED);
                    closeDispute(openDispute(link), "WON");
                    return Target.of(link, HUNDRED, "Pending");
                }),

                // link not found
                new Situation("an unknown pay_id", Set.of(Row.LINK_NOT_FOUND),
                        () -> Target.foreign(secPaidBusiness(), UNKNOWN_PAY_ID)),
                new Situation("a pay_id too large for any link", Set.of(Row.LINK_NOT_FOUND),
                        () -> Target.foreign(secPaidBusiness(), "99999999999999999999999")),
                new Situation("no pay_id", Set.of(Row.LINK_NOT_FOUND),
                        () -> Target.foreign(secPaidBusiness(), null)),
                new Situation("pay_id null", Set.of(Row.LINK_NOT_FOUND),
                        () -> Target.foreign(secPaidBusiness(), "null")),
                new Situation("pay_id 0", Set.of(Row.LINK_NOT_FOUND),
                        () -> Target.foreign(secPaidBusiness(), "0")),
                new Situation("a negative pay_id", Set.of(Row.LINK_NOT_FOUND), () -> {
                    Link link = paidLink(secPaidBusiness(), HUNDRED);
                    return Target.misnamed(link, "-" + link.payIdText());
                }),
                new Situation("the pay_id of a paid link written as a string", Set.of(Row.LINK_NOT_FOUND), () -> {
                    Link link = paidLink(secPaidBusiness(), HUNDRED);
                    return Target.misnamed(link, "\"" + link.payIdText() + "\"");
                }),
                new Situation("the pay_id of a paid link written with a fraction", Set.of(Row.LINK_NOT_FOUND),
                        () -> {
                            Link link = paidLink(secPaidBusiness(), HUNDRED);
                            return Target.misnamed(link, link.payIdText() + ".5");
                        }),
                new Situation("another business's paid link", Set.of(Row.LINK_NOT_FOUND),
                        () -> foreign(paidLink(secPaidBusiness(), HUNDRED))),
                new Situation("another business's cancelled link", Set.of(Row.LINK_NOT_FOUND, Row.LINK_CANCELLED),
                        () -> foreign(cancelled(link(secPaidBusiness(), HUNDRED, "USD", "LINK", false)))),
                new Situation("another business's paid invoice", Set.of(Row.LINK_NOT_FOUND, Row.INVOICE),
                        () -> foreign(link(secPaidBusiness(), HUNDRED, "USD", "INVOICE", true))),
                new Situation("another business's link with a refund already requested",
                        Set.of(Row.LINK_NOT_FOUND, Row.ALREADY_REQUESTED), () -> {
                            Link link = paidLink(secPaidBusiness(), HUNDRED);
                            requestedThroughV2(link, "10.00");
                            return foreign(link);
                        }),
                new Situation("another business's disputed link", Set.of(Row.LINK_NOT_FOUND, Row.BLOCKED_BY_DISPUTE),
                        () -> {
                            Link link = paidLink(secPaidBusiness(), HUNDRED);
                            openDispute(link);
                            return foreign(link);
                        }),
                new Situation("another business's unpaid link", Set.of(Row.LINK_NOT_FOUND, Row.INVALID_AMOUNT),
                        () -> foreign(link(secPaidBusiness(), HUNDRED, "USD", "LINK", false))),

                // cancelled
                new Situation("a cancelled link", Set.of(Row.LINK_CANCELLED),
                        () -> Target.of(cancelled(link(secPaidBusiness(), HUNDRED, "USD", "LINK", false)), HUNDRED,
                                null)),
                new Situation("a cancelled link of a ShadhinPay business", Set.of(Row.LINK_CANCELLED),
                        () -> Target.of(cancelled(link(shadhinPayBusiness(), HUNDRED, "USD", "LINK", false)),
                                HUNDRED, null)),
                new Situation("a cancelled invoice", Set.of(Row.LINK_CANCELLED, Row.INVOICE),
                        () -> Target.of(cancelled(link(secPaidBusiness(), HUNDRED, "USD", "INVOICE", false)),
                                HUNDRED, null)),

                // invoice
                new Situation("a paid invoice", Set.of(Row.INVOICE),
                        () -> Target.of(link(secPaidBusiness(), HUNDRED, "USD", "INVOICE", true), HUNDRED, null)),
                new Situation("a paid invoice of a ShadhinPay business", Set.of(Row.INVOICE),
                        () -> Target.of(link(shadhinPayBusiness(), HUNDRED, "USD", "INVOICE", true), HUNDRED, null)),
                new Situation("an unpaid invoice", Set.of(Row.INVOICE, Row.INVALID_AMOUNT),
                        () -> Target.of(link(secPaidBusiness(), HUNDRED, "USD", "INVOICE", false), HUNDRED, null)),
                new Situation("a paid invoice with an open dispute", Set.of(Row.INVOICE, Row.BLOCKED_BY_DISPUTE),
                        () -> {
                            Link invoice = link(secPaidBusiness(), HUNDRED, "USD", "INVOICE", true);
                            openDispute(invoice);
                            return Target.of(invoice, HUNDRED, null);
                        }),
                new Situation("a paid invoice whose dispute was lost", Set.of(Row.INVOICE, Row.BLOCKED_BY_DISPUTE),
                        () -> {
                            Link invoice = link(secPaidBusiness(), HUNDRED, "USD", "INVOICE", true);
                            closeDispute(openDispute(invoice), "LOST");
                            return Target.of(invoice, HUNDRED, null);
                        }),

                // already requested
                new Situation("a SINGLE link with a refund pending review", Set.of(Row.ALREADY_REQUESTED), () -> {
                    Link link = paidLink(secPaidBusiness(), HUNDRED);
                    requestedThroughV2(link, "10.00");
                    return Target.of(link, "90.00", null);
                }),
                new Situation("a SINGLE link with a refund requested through v1 and approved",
                        Set.of(Row.ALREADY_REQUESTED), () -> {
                            Link link = paidLink(secPaidBusiness(), HUNDRED);
                            approve(refundedThroughV1(link, "10.00").path("refundId").asText());
                            return Target.of(link, "90.00", null);
                        }),
                new Situation("a SINGLE link with a refund pending review and then an open dispute",
                        Set.of(Row.ALREADY_REQUESTED, Row.BLOCKED_BY_DISPUTE), () -> {
                            Link link = paidLink(secPaidBusiness(), HUNDRED);
                            requestedThroughV2(link, "10.00");
                            openDispute(link);
                            return Target.of(link, "90.00", null);
                        }),
                new Situation("a SINGLE link with an approved refund and then a lost dispute",
                        Set.of(Row.ALREADY_REQUESTED, Row.BLOCKED_BY_DISPUTE), () -> {
                            Link link = paidLink(secPaidBusiness(), HUNDRED);
                            approve(requestedThroughV2(link, "10.00"));
                            closeDispute(openDispute(link), "LOST");
                            return Target.of(link, "90.00", null);
                        }),

                // dispute
                new Situation("a paid link with an open dispute", Set.of(Row.BLOCKED_BY_DISPUTE), () -> {
                    Link link = paidLink(secPaidBusiness(), HUNDRED);
                    openDispute(link);
                    return Target.of(link, HUNDRED, null);
                }),
                new Situation("a paid link whose dispute was lost", Set.of(Row.BLOCKED_BY_DISPUTE), () -> {
                    Link link = paidLink(secPaidBusiness(), HUNDRED);
                    closeDispute(openDispute(link), "LOST");
                    return Target.of(link, HUNDRED, null);
                }),
                new Situation("a ShadhinPay link with a refund in flight and an open dispute",
                        Set.of(Row.BLOCKED_BY_DISPUTE), () -> {
                            Link link = paidLink(shadhinPayBusiness(), HUNDRED);
                            refundedThroughV1(link, "10.00");
                            openDispute(link);
                            return Target.of(link, "90.00", null);
                        }),

                // invalid amount whatever the amount: nothing is refundable
                new Situation("an unpaid link", Set.of(Row.INVALID_AMOUNT),
                        () -> Target.of(link(secPaidBusiness(), HUNDRED, "USD", "LINK", false), HUNDRED, null)),
                new Situation("an unpaid link of a ShadhinPay business", Set.of(Row.INVALID_AMOUNT),
                        () -> Target.of(link(shadhinPayBusiness(), HUNDRED, "USD", "LINK", false), HUNDRED, null)));
    }

    static List<Amount> amounts() {
        return List.of(
                Amount.of("a partial refund of 10.00", null, refundable -> new AmountPart("10.00", null)),
                Amount.of("a full refund of everything refundable", null,
                        refundable -> new AmountPart(refundable.toPlainString(), "true")),
                Amount.of("no refund_amount", Row.AMOUNT_REQUIRED, refundable -> new AmountPart(null, null)),
                Amount.of("refund_amount 0", Row.AMOUNT_REQUIRED, refundable -> new AmountPart("0", null)),
                Amount.of("refund_amount -10.00", Row.AMOUNT_REQUIRED, refundable -> new AmountPart("-10.00", null)),
                Amount.of("refund_amount \"10.00\" (a string)", Row.AMOUNT_REQUIRED,
                        refundable -> new AmountPart("\"10.00\"", null)),
                Amount.of("refund_amount one cent above what is refundable", Row.INVALID_AMOUNT,
                        refundable -> new AmountPart(refundable.add(new BigDecimal("0.01")).toPlainString(), null)),
                Amount.of("isFullRefund with 10.00, less than the full amount", Row.INVALID_AMOUNT,
                        refundable -> new AmountPart("10.00", "true")),
                Amount.of("refund_amount 1e1 (an exponent)", Row.INVALID_AMOUNT,
                        refundable -> new AmountPart("1e1", null)),
                Amount.of("refund_amount 0.001 (more digits than USD has)", Row.INVALID_AMOUNT,
                        refundable -> new AmountPart("0.001", null)));
    }

    Stream<Case> cases() {
        return situations().stream()
                .flatMap(situation -> amounts().stream().map(amount -> new Case(situation, amount)));
    }

    Stream<Case> singleRowCases() {
        return cases().filter(c -> c.rows().size() == 1);
    }

    Stream<Case> severalRowCases() {
        return cases().filter(c -> c.rows().size() > 1);
    }

    Stream<Case> acceptedCases() {
        return cases().filter(c -> c.rows().isEmpty());
    }

    // ---- the tests ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleRowCases")
    void a_request_breaking_one_row_of_the_table_gets_that_rows_status_and_message(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("severalRowCases")
    void a_request_breaking_several_rows_gets_the_row_earliest_in_the_table(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCases")
    void a_request_breaking_no_row_is_accepted(Case c) {
        Target target = c.situation().build().get();
        AmountPart part = c.amount().part().apply(target.refundable());

        ApiResponse answer = refundPayment(target.caller(), body(target.payId(), part.refundAmount(),
                part.isFullRefund()));

        Link link = target.link().orElseThrow();
        assertRequested(answer, link, part.refundAmount(), target.acceptedAs());
        List<String> v1 = v1Refunds(link).stream().map(refund -> refund.path("refundId").asText()).toList();
        assertThat(v1).contains(answer.text("refund_id"));
    }

    @Test
    void every_pair_of_rows_that_can_happen_together_is_in_the_table() {
        Set<Set<Row>> covered = new HashSet<>();
        cases().forEach(c -> {
            List<Row> rows = new ArrayList<>(c.rows());
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    covered.add(EnumSet.of(rows.get(i), rows.get(j)));
                }
            }
        });
        Set<Set<Row>> impossible = Set.of(
                EnumSet.of(Row.LINK_CANCELLED, Row.ALREADY_REQUESTED),   // a cancelled link never had a refund
                EnumSet.of(Row.LINK_CANCELLED, Row.BLOCKED_BY_DISPUTE),  // nor a dispute
                EnumSet.of(Row.INVOICE, Row.ALREADY_REQUESTED));         // an invoice never has refunds
        Set<Set<Row>> possible = new HashSet<>();
        for (Row a : Row.values()) {
            for (Row b : Row.values()) {
                if (a.compareTo(b) < 0 && !impossible.contains(EnumSet.of(a, b))) {
                    possible.add(EnumSet.of(a, b));
                }
            }
        }
        assertThat(covered).containsAll(possible);
        assertThat(covered).doesNotContainAnyElementsOf(impossible);
        assertThat(Stream.of(Row.values()).filter(row -> singleRowCases().noneMatch(c -> c.rows().contains(row)))
                .collect(Collectors.toList())).as("rows never tested alone").isEmpty();
    }

    private void assertRefused(Case c) {
        Target target = c.situation().build().get();
        AmountPart part = c.amount().part().apply(target.refundable());
        List<String> before = target.link().map(this::refundIdsAndAmounts).orElse(List.of());

        ApiResponse answer = refundPayment(target.caller(), body(target.payId(), part.refundAmount(),
                part.isFullRefund()));

        Row expected = c.expected().orElseThrow();
        assertSecPaidError(answer, expected.status, expected.message);
        target.link().ifPresent(link -> assertThat(refundIdsAndAmounts(link))
                .as("refunds of %s after a refusal", link).isEqualTo(before));
    }

    /** The link's refunds as v1 lists them, without their statuses (a worker may move those on meanwhile). */
    private List<String> refundIdsAndAmounts(Link link) {
        return v1Refunds(link).stream()
                .map(refund -> refund.path("refundId").asText() + " " + refund.path("amount").asText()).toList();
    }

    /** The request comes from a second business, to which the link does not belong. */
    private Target foreign(Link othersLink) {
        return new Target(secPaidBusiness(), othersLink.payIdText(), new BigDecimal(HUNDRED), null,
                Optional.of(othersLink));
    }
}
