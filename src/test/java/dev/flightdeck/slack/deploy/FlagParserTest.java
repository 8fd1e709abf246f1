package dev.flightdeck.slack.deploy;

import dev.flightdeck.slack.HelpText;
import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.deploy.DeployCommand.FlagFlip;
import dev.flightdeck.slack.deploy.DeployCommand.FlagShow;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.slack.deploy.DeployParserTest.invalid;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /deploy flag <key> [env]} and {@code /deploy flag <key> on|off in <env>}: forms, bad input, help. */
class FlagParserTest {

    final DeployParser parser = new DeployParser(Set.of("dev", "staging", "prod"), Set.of("commons"));

    DeployCommand ok(String text) {
        Parsed<DeployCommand> parsed = parser.parse(text);
        assertThat(parsed).as(text).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<DeployCommand>) parsed).command();
    }

    @Test
    void everyFormParsesAndTheKeyKeepsItsCase() {
        assertThat(ok("flag new-emails")).isEqualTo(new FlagShow("new-emails", Optional.empty()));
        assertThat(ok("FLAG New_Emails.v2  PROD")).isEqualTo(new FlagShow("New_Emails.v2", Optional.of("prod")));
        assertThat(ok("flag new-emails on in prod")).isEqualTo(new FlagFlip("new-emails", true, "prod"));
        assertThat(ok("flag new-emails OFF In Staging")).isEqualTo(new FlagFlip("new-emails", false, "staging"));
        assertThat(ok("flag new-emails off dev")).isEqualTo(new FlagFlip("new-emails", false, "dev"));
    }

    @Test
    void badInputIsAnsweredWithTheClosestForm() {
        assertThat(invalid(parser.parse("flag")).closestForm()).contains("/deploy flag <key>");
        var env = invalid(parser.parse("flag new-emails on in prdo"));
        assertThat(env.problem()).contains("Unknown environment `prdo`");
        assertThat(env.closestForm()).contains("/deploy flag new-emails on in prod");
        assertThat(invalid(parser.parse("flag new-emails off")).closestForm()).contains("/deploy flag new-emails off in <env>");
        assertThat(invalid(parser.parse("flag new-emails maybe in prod")).problem()).contains("`on` or `off`");
        assertThat(invalid(parser.parse("flag <b>x</b> on in prod")).problem()).contains("is not a flag key");
        assertThat(invalid(parser.parse("flag new-emails on in prod now")).problem()).contains("`now` is not expected");
        assertThat(invalid(parser.parse("flag new-emails on in prod -- why")).problem()).contains("takes no note");
    }

    @Test
    void helpNamesBothForms() {
        assertThat(HelpText.deploy()).contains("/deploy flag &lt;key&gt; [env]")
                .contains("/deploy flag &lt;key&gt; on|off in &lt;env&gt;");
    }
}
