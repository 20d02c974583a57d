package dev.refunds.application.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    @Test
    void the_default_schedule_is_seven_delays_and_eight_attempts() {
        RetrySchedule schedule = RetrySchedule.parse(RetrySchedule.DEFAULT);

        assertThat(schedule.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10));
        assertThat(schedule.attemptsMax()).isEqualTo(8);
    }

    @Test
    void the_delay_after_each_failed_attempt_follows_the_schedule_in_order() {
        RetrySchedule schedule = RetrySchedule.parse(" 200ms, 1s ,2m,1d");

        assertThat(schedule.delayBefore(4)).isEqualTo(Duration.ofMillis(200));   // after attempt 1 of 5
        assertThat(schedule.delayBefore(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.delayBefore(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.delayBefore(1)).isEqualTo(Duration.ofDays(1));
        assertThat(schedule.delayBefore(9)).isEqualTo(Duration.ofMillis(200));   // a longer old schedule
    }

    @Test
    void a_blank_schedule_means_a_single_attempt_and_nonsense_is_refused() {
        assertThat(RetrySchedule.parse("").attemptsMax()).isEqualTo(1);
        assertThatThrownBy(() -> RetrySchedule.parse("5 seconds")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.parse("-5s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.parse("1s,".repeat(21))).isInstanceOf(IllegalArgumentException.class);
    }
}
