package dev.flightdeck.slack.incident.paging;

import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /incident oncall: PagerDuty's /oncalls and Opsgenie's schedule, people mapped to Slack, cached five minutes. */
class OncallCommandTest {

    private final PagingDriver d = new PagingDriver();

    private String ask(String text, String user, String channel) {
        String url = d.app.slack.responseUrl();
        String ack = d.command(text, user, channel, url).json().getAsJsonObject().get("text").getAsString();
        assertThat(ack).startsWith("Asking who is on call");
        FakeSlack.Call answer = d.app.slack.awaitResponse(url, PagingDriver.WAIT);
        return answer.json() != null ? answer.json().get("text").getAsString() : answer.text();
    }

    @Test
    void whoIsOnCallComesFromEachPagerWithSlackPeopleAndIsKeptFiveMinutes() {
        d.app.pagerDuty.onCall(List.of(
                new Object[]{"Ana Oncall", "ana.oncall@example.com", 1, "PPLAT01"},
                new Object[]{"Bo <Backup>", "bo@example.com", 2, "PPLAT01"},
                new Object[]{"Cy Elsewhere", "cy@example.com", 1, "POTHER9"}));
        d.app.opsgenie.schedule("DBA On Call", List.of("dana@example.com"));
        String mia = d.user("mia");
        String channel = d.channel("ops", mia);
        int before = d.app.pagerDuty.oncallQueries().size();

        String answer = ask("oncall", mia, channel);

        assertThat(answer).contains("*platform* (PagerDuty): <@U0ANAONCALL>, Bo &lt;Backup&gt; (bo@example.com) (level 2)",
                "*dba* (Opsgenie): dana@example.com",
                "*legacy* (PagerDuty): not asked: the team file names no `pagerduty-api-key-env` for it");
        assertThat(answer).doesNotContain("Cy Elsewhere");
        List<String> queries = d.app.pagerDuty.oncallQueries();
        assertThat(queries).hasSize(before + 1);
        assertThat(queries.get(queries.size() - 1)).contains("earliest=true", "escalation_policy_ids%5B%5D=PPLAT01");
        assertThat(d.app.opsgenie.calls()).anyMatch(c -> c.path().equals("/v2/schedules/DBA On Call/on-calls")
                && c.query().contains("scheduleIdentifierType=name") && c.query().contains("flat=true"));

        // Asked again within five minutes: the same answer, without asking PagerDuty again.
        d.app.clock.advance(Duration.ofMinutes(4));
        assertThat(ask("oncall platform", mia, channel)).contains("<@U0ANAONCALL>").doesNotContain("dba");
        assertThat(d.app.pagerDuty.oncallQueries()).hasSize(before + 1);

        d.app.clock.advance(Duration.ofMinutes(2));
        d.app.pagerDuty.onCall(List.<Object[]>of(new Object[]{"Eve Next", "eve@example.com", 1, "PPLAT01"}));
        assertThat(ask("oncall platform", mia, channel)).contains("Eve Next (eve@example.com)");
        assertThat(d.app.pagerDuty.oncallQueries()).hasSize(before + 2);
    }

    @Test
    void anUnknownTargetIsAnsweredWithTheKnownOnes() {
        String mia = d.user("mia");
        assertThat(ask("oncall dbb", mia, d.channel("ops", mia)))
                .contains("`dbb` is not an on-call target. Did you mean `dba`?");
    }
}
