package dev.flightdeck.slack.command;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CommandParserTest {

    private final CommandParser parser = new CommandParser(Set.of("staging", "prod"), Set.of("commons"));

    @Test
    void passesTheTeamsNamesToTheDeployParser() {
        assertThat(parser.parseDeploy("commons 5.11.2 to prod")).isEqualTo(new Parsed.Ok<>(
                new DeployCommand.Request("commons", "5.11.2", "prod", Optional.empty(), Optional.empty())));
        assertThat(parser.parseDeploy("billing 5.11.2 to prod").isOk()).isFalse();
    }

    @Test
    void aMissingTextIsTheNoArgumentForm() {
        assertThat(parser.parseDeploy(null)).isEqualTo(new Parsed.Ok<>(new DeployCommand.OpenRequestModal()));
        assertThat(parser.parseIncident(null)).isEqualTo(new Parsed.Ok<>(new IncidentCommand.OpenDeclareModal()));
    }

    @Test
    void theEphemeralAnswerShowsProblemClosestFormAndUsageAsEscapedMrkdwn() {
        Parsed.Invalid<DeployCommand> invalid = DeployParserTest.invalid(parser.parseDeploy("prod commons"));

        assertThat(invalid.toMrkdwn())
                .contains("`prod` is an environment")
                .contains("`/deploy commons &lt;version&gt; to prod`")
                .contains("/deploy &lt;service&gt; &lt;version&gt; to &lt;env&gt; [runner @user] [-- note]")
                .doesNotContain("<", ">");
    }

    @Test
    void textSlackAlreadyEscapedIsNotEscapedTwice() {
        assertThat(Mrkdwn.escape("a &lt;b&gt; & c < d")).isEqualTo("a &lt;b&gt; &amp; c &lt; d");
    }
}
