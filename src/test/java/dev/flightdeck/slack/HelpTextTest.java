package dev.flightdeck.slack;

import dev.flightdeck.text.Mrkdwn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeployForm;
import dev.flightdeck.slack.deploy.DeployParser;
import dev.flightdeck.slack.incident.IncidentForm;
import dev.flightdeck.slack.incident.IncidentParser;

class HelpTextTest {

    // Slack autocompletes a typed @name into an escaped mention; examples show what the user types.
    private static final Pattern TYPED_MENTION = Pattern.compile("(?<=\\s)@([a-z]+)");

    /** Every command form, written exactly as the help answer must show it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/deploy <service> <version> to <env> [runner @user] [-- note] [-- check: <item>]...",
            "/deploy status [service]",
            "/deploy history <service> [env] [n]",
            "/deploy cancel <id>",
            "/deploy rollback <service> <env>",
            "/deploy lock <service> <env> -- <reason>",
            "/deploy unlock <service> <env>",
            "/deploy config <service> <env>",
            "/deploy config diff <service> <env-a> <env-b>",
            "/deploy config check <service> <env>",
            "/deploy alarms [service] [env]",
            "/deploy health <service> <env>",
            "/deploy stats [service] [days]",
            "/deploy help"})
    void deployHelpListsEveryForm(String form) {
        assertThat(Mrkdwn.unescape(HelpText.deploy())).contains("`" + form + "`");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/incident declare <title> [sev1..sev4]",
            "/incident <title>",
            "/incident role commander|communicator @user",
            "/incident update [investigating|identified|monitoring] <text>",
            "/incident severity sev1..sev4",
            "/incident note <text>",
            "/incident resolve",
            "/incident summary [id]",
            "/incident list",
            "/incident access [<permission-set> [for 2h] -- <reason>]",
            "/incident help"})
    void incidentHelpListsEveryForm(String form) {
        assertThat(Mrkdwn.unescape(HelpText.incident())).contains("`" + form);
    }

    @Test
    void incidentHelpSaysHowToNameAnIncidentOutsideItsChannel() {
        assertThat(HelpText.incident()).contains("INC-12");
    }

    @Test
    void helpIsValidMrkdwnWithoutRawAngleBrackets() {
        // A raw '<' starts a Slack link or mention; placeholders must arrive escaped.
        assertThat(HelpText.deploy()).doesNotContain("<", ">").contains("&lt;service&gt;");
        assertThat(HelpText.incident()).doesNotContain("<", ">").contains("&lt;title&gt;");
    }

    @ParameterizedTest
    @EnumSource(DeployForm.class)
    void everyDeployExampleIsShownAndParses(DeployForm form) {
        assertThat(Mrkdwn.unescape(HelpText.deploy())).contains("`" + form.example() + "`");
        assertThat(new DeployParser().parse(asSlackSendsIt(form.example().substring("/deploy".length()))).isOk())
                .as(form.example()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(IncidentForm.class)
    void everyIncidentExampleIsShownAndParses(IncidentForm form) {
        assertThat(Mrkdwn.unescape(HelpText.incident())).contains("`" + form.example() + "`");
        assertThat(new IncidentParser().parse(asSlackSendsIt(form.example().substring("/incident".length()))).isOk())
                .as(form.example()).isTrue();
    }

    private static String asSlackSendsIt(String typed) {
        return TYPED_MENTION.matcher(typed).replaceAll(m -> "<@U0" + m.group(1).toUpperCase() + "|" + m.group(1) + ">");
    }
}
