package dev.flightdeck.slack.api;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** slack.retry.* binds to RetryPolicy, with defaults for what is not set, and the gateway bean is created from it. */
class RetryPolicyConfigTest {
    @Test
    void configuredValuesOverrideDefaults() {
        try (ApplicationContext ctx = ApplicationContext.builder().eagerInitSingletons(false)
                .properties(Map.of("slack.retry.max-attempts", "3", "slack.retry.initial-backoff", "10ms",
                        "datasources.default.url", "jdbc:h2:mem:retrypolicy", "flyway.datasources.default.enabled", "false"))
                .start()) {
            RetryPolicy policy = ctx.getBean(RetryPolicy.class);
            assertThat(policy.maxAttempts()).isEqualTo(3);
            assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(10));
            assertThat(policy.maxBackoff()).isEqualTo(RetryPolicy.defaults().maxBackoff());
            assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
            assertThat(ctx.getBean(SlackGateway.class)).isNotNull();
        }
    }
}
