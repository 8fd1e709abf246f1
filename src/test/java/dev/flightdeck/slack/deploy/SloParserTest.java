package dev.flightdeck.slack.deploy;

import dev.flightdeck.slack.HelpText;
import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.deploy.DeployCommand.Slo;
import dev.flightdeck.text.Mrkdwn;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.slack.deploy.DeployParserTest.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /deploy slo [service] [env]}: its forms, the answers to bad input, and its line in the help. */
class SloParserTest {

    final DeployParser parser = new DeployParser(Set.of("dev", "staging", "prod"), Set.of("shop", "commons"));

    DeployCommand ok(String text) {
        Parsed<DeployCommand> parsed = parser.parse(text);
        assertThat(parsed).as(text).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<DeployCommand>) parsed).command();
    }

    @Test
    void everyFormParses() {
        Optional<String> none = Optional.empty();
        assertThat(ok("slo")).isEqualTo(new Slo(none, none));
        assertThat(ok("slo shop")).isEqualTo(new Slo(Optional.of("shop"), none));
        assertThat(ok("SLO Shop")).isEqualTo(new Slo(Optional.of("shop"), none));
        assertThat(ok("slo prod")).isEqualTo(new Slo(none, Optional.of("prod")));
        assertThat(ok("slo shop staging")).isEqualTo(new Slo(Optional.of("shop"), Optional.of("staging")));
    }

    @Test
    void anUnknownServiceOrEnvironmentIsNamedWithTheNearestKnownOne() {
        var service = invalid(parser.parse("slo shpo"));
        assertThat(service.problem()).contains("shpo");
        assertThat(service.closestForm()).contains("/deploy slo shop");

        var env = invalid(parser.parse("slo shop prdo"));
        assertThat(env.problem()).contains("prdo");
        assertThat(env.closestForm()).contains("/deploy slo shop prod");
    }

    @Test
    void aNoteOrTooManyWordsAreRefused() {
        assertThat(invalid(parser.parse("slo shop -- why")).problem()).contains("takes no note");
        assertThat(invalid(parser.parse("slo shop prod extra")).usage()).contains("/deploy slo [service] [env]");
    }

    @Test
    void theHelpListsItWithItsExample() {
        assertThat(Mrkdwn.unescape(HelpText.deploy())).contains("`/deploy slo [service] [env]`", "`/deploy slo commons`")
                .contains("Error budgets");
    }
}
