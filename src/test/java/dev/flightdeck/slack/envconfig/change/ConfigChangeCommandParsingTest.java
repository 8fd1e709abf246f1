package dev.flightdeck.slack.envconfig.change;

import dev.flightdeck.slack.HelpText;
import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.deploy.DeployForm;
import dev.flightdeck.slack.deploy.DeployParser;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /deploy config set|unset|revert}: what parses, and the usage line for what does not. */
class ConfigChangeCommandParsingTest {

    private final DeployParser parser = new DeployParser(Set.of("dev", "staging", "prod"), Set.of("commons", "mail"));

    private Parsed.Invalid<DeployCommand> invalid(String text) {
        Parsed<DeployCommand> parsed = parser.parse(text);
        assertThat(parsed).as(text).isInstanceOf(Parsed.Invalid.class);
        return (Parsed.Invalid<DeployCommand>) parsed;
    }

    @Test
    void setUnsetAndRevertParseWithTheKeyAsTyped() {
        assertThat(parser.parse("config set Mail PROD Email_Queue_Url"))
                .isEqualTo(Parsed.ok(new DeployCommand.ConfigSet("mail", "prod", "Email_Queue_Url")));
        assertThat(parser.parse("config unset mail staging OLD_FLAG"))
                .isEqualTo(Parsed.ok(new DeployCommand.ConfigUnset("mail", "staging", "OLD_FLAG")));
        assertThat(parser.parse("config revert #12")).isEqualTo(Parsed.ok(new DeployCommand.ConfigRevert(12)));
    }

    @Test
    void missingWordsGetTheUsageAndTheClosestForm() {
        Parsed.Invalid<DeployCommand> noKey = invalid("config set mail prod");
        assertThat(noKey.problem()).contains("Which key?");
        assertThat(noKey.usage()).isEqualTo(DeployForm.CONFIG_SET.usage());
        assertThat(noKey.closestForm()).contains("/deploy config set mail prod <KEY>");

        assertThat(invalid("config unset mail").usage()).isEqualTo(DeployForm.CONFIG_UNSET.usage());
        assertThat(invalid("config revert").problem()).contains("needs the change's number");
    }

    @Test
    void aValueTypedIntoTheCommandIsRefusedWithoutRepeatingIt() {
        Parsed.Invalid<DeployCommand> invalid = invalid("config set mail prod SMTP_PASSWORD hunter2-made-up");

        assertThat(invalid.problem()).contains("the value goes in the form");
        assertThat(invalid.closestForm()).hasValue("/deploy config set mail prod SMTP_PASSWORD");
        assertThat(invalid.toMrkdwn()).doesNotContain("hunter2");
    }

    @Test
    void aNonNumberChangeIdAndAnUnknownServiceAreAnswered() {
        assertThat(invalid("config revert twelve").problem()).contains("`twelve` is not a change number");
        Parsed.Invalid<DeployCommand> unknown = invalid("config set mial prod EMAIL_QUEUE_URL");
        assertThat(unknown.closestForm()).contains("/deploy config set mail prod EMAIL_QUEUE_URL");
        assertThat(invalid("config stet mail prod EMAIL_QUEUE_URL").problem()).contains("did you mean `set`");
    }

    @Test
    void helpListsTheNewForms() {
        assertThat(HelpText.deploy()).contains("/deploy config set &lt;service&gt; &lt;env&gt; &lt;KEY&gt;")
                .contains("/deploy config unset").contains("/deploy config revert &lt;change-id&gt;");
    }
}
