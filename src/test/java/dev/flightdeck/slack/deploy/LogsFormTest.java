package dev.flightdeck.slack.deploy;

import dev.flightdeck.slack.command.Parsed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.slack.deploy.DeployParserTest.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /deploy logs <service> <env> [since 1h] [-- <filter>]} as typed, and its closest forms when mistyped. */
class LogsFormTest {

    private final DeployParser parser = new DeployParser(Set.of("dev", "staging", "prod"), Set.of("shop", "commons"));

    @Test
    void theSpanWithOrWithoutSinceAndTheFilterAfterTheDashes() {
        assertThat(parser.parse("logs shop prod")).isEqualTo(new Parsed.Ok<>(
                new DeployCommand.Logs("shop", "prod", Duration.ofHours(1), Optional.empty())));
        assertThat(parser.parse("LOGS Shop prod since 2d -- payment declined (card)")).isEqualTo(new Parsed.Ok<>(
                new DeployCommand.Logs("shop", "prod", Duration.ofDays(2), Optional.of("payment declined (card)"))));
        assertThat(parser.parse("logs shop prod 15m --query: stats count(*)")).isEqualTo(new Parsed.Ok<>(
                new DeployCommand.Logs("shop", "prod", Duration.ofMinutes(15), Optional.of("query: stats count(*)"))));
    }

    @Test
    void mistakesGetTheClosestForm() {
        var missing = invalid(parser.parse("logs shop"));
        assertThat(missing.problem()).isEqualTo("Missing the environment.");
        assertThat(missing.closestForm()).contains("/deploy logs shop <env>");

        var typo = invalid(parser.parse("logs shpo prod -- boom"));
        assertThat(typo.closestForm()).contains("/deploy logs shop prod -- boom");

        var words = invalid(parser.parse("logs shop prod 1h payment declined"));
        assertThat(words.problem()).isEqualTo("`payment declined` is not expected: a filter goes after `--`.");
        assertThat(words.closestForm()).contains("/deploy logs shop prod since 1h -- payment declined");

        assertThat(invalid(parser.parse("logs shop prod since")).problem())
                .isEqualTo("`since` needs a time span after it, like 15m, 1h or 2d.");
        assertThat(invalid(parser.parse("logs shop prod since 2h --")).closestForm())
                .contains("/deploy logs shop prod since 2h -- <filter>");
        assertThat(invalid(parser.parse("logs shop prod -- query:")).problem())
                .isEqualTo("`query:` needs a Logs Insights query after it.");
        assertThat(invalid(parser.parse("lgos shop prod")).closestForm()).contains("/deploy logs shop prod");
    }
}
