package dev.flightdeck.slack.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    final RetryPolicy policy = RetryPolicy.defaults();

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(5, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(6, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(40, 0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void jitterShortensTheDelayByAtMostItsFraction() {
        assertThat(policy.backoff(2, 0.999)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void retryAfterIsHonouredCappedAndDefaulted() {
        assertThat(policy.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.retryAfter("3600")).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
    }
}
