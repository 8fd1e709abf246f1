package dev.flightdeck.slack.command;

import dev.flightdeck.text.Mrkdwn;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.deploy.DeployParserTest;
import dev.flightdeck.slack.incident.IncidentCommand;

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
    void textSlackEscapedIsDecodedOnceOnTheWayInAndEscapedOnceOnTheWayOut() {
        String typed = Mrkdwn.fromSlack("a &amp;lt;b&amp;gt; &amp; c &lt; d");
        assertThat(typed).isEqualTo("a &lt;b&gt; & c < d");
        assertThat(Mrkdwn.escape(typed)).isEqualTo("a &amp;lt;b&amp;gt; &amp; c &lt; d");
    }

    @Test
    void liveTokensSlackMadeOfWhatWasTypedComeInAsTypedAndMentionsOfOnePersonStay() {
        assertThat(Mrkdwn.fromSlack("<!channel> <!here|here> <!subteam^S1|@oncall> <!subteam^S2> <https://x.example/a?b=1&amp;c=2|click>"
                + " <https://y.example> <mailto:a@b.example|a@b.example> <@U123|bob> <#C123|general>"))
                .isEqualTo("@channel @here @oncall @S2 click (https://x.example/a?b=1&c=2) https://y.example a@b.example"
                        + " <@U123|bob> <#C123|general>");
        assertThat(Mrkdwn.escape("<!channel> <@U123> <#C123|ops> <https://x|y> <@U1|a|b>"))
                .isEqualTo("&lt;!channel&gt; <@U123> <#C123|ops> &lt;https://x|y&gt; &lt;@U1|a|b&gt;");
    }
}
