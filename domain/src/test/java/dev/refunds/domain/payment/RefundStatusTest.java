package dev.refunds.domain.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static dev.refunds.domain.payment.RefundStatus.CANCELLED;
import static dev.refunds.domain.payment.RefundStatus.COMPLETED;
import static dev.refunds.domain.payment.RefundStatus.FAILED;
import static dev.refunds.domain.payment.RefundStatus.INITIATED;
import static dev.refunds.domain.payment.RefundStatus.PENDING_REVIEW;
import static dev.refunds.domain.payment.RefundStatus.PROCESSING;
import static dev.refunds.domain.payment.RefundStatus.REJECTED;
import static dev.refunds.domain.payment.RefundStatus.REVERSED;
import static org.assertj.core.api.Assertions.assertThat;

class RefundStatusTest {

    /** The table of API.md and STYLE.md §2, written out again so that a change to the enum shows up here. */
    private static final Set<String> ALLOWED = Set.of(
            "PENDING_REVIEW->INITIATED", "PENDING_REVIEW->REJECTED", "PENDING_REVIEW->CANCELLED",
            "INITIATED->PROCESSING", "INITIATED->FAILED", "INITIATED->CANCELLED",
            "PROCESSING->COMPLETED", "PROCESSING->FAILED", "COMPLETED->REVERSED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(RefundStatus.values()).flatMap(from -> Arrays.stream(RefundStatus.values())
                .map(to -> Arguments.of(from, to, ALLOWED.contains(from + "->" + to))));
    }

    @Test
    void the_statuses_are_the_eight_of_the_api() {
        assertThat(RefundStatus.values()).containsExactly(
                PENDING_REVIEW, REJECTED, INITIATED, PROCESSING, COMPLETED, FAILED, CANCELLED, REVERSED);
        assertThat(everyPair()).hasSize(64);
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void a_refund_moves_only_along_the_transition_table(RefundStatus from, RefundStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}: reserves {1}, counts {2}")
    @CsvSource({
            "PENDING_REVIEW, true, true",
            "INITIATED, true, true",
            "PROCESSING, true, true",
            "COMPLETED, false, true",
            "REJECTED, false, false",
            "FAILED, false, false",
            "CANCELLED, false, false",
            "REVERSED, false, false"})
    void in_flight_refunds_reserve_their_amount_and_completed_ones_still_count(
            RefundStatus status, boolean reserves, boolean counts) {
        assertThat(status.reservesAmount()).isEqualTo(reserves);
        assertThat(status.counts()).isEqualTo(counts);
    }
}
