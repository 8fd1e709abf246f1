package dev.flightdeck.slack.incident.paging;

import com.google.gson.JsonObject;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.incident.paging.PageState;
import dev.flightdeck.testing.FakeOpsgenie;
import dev.flightdeck.testing.FakePagerDuty;
import dev.flightdeck.testing.TestSecretsFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /incident page, page-on, resolving and failures, through signed requests against the strict pager fakes. */
class PagingTest {

    private final PagingDriver d = new PagingDriver();

    private List<FakePagerDuty.Event> pd(String dedupKey, String action) {
        return d.app.pagerDuty.accepted(e -> dedupKey.equals(e.dedupKey()) && action.equals(e.action()));
    }

    private List<FakeOpsgenie.Call> opsgenie(String path) {
        return d.app.opsgenie.calls().stream().filter(c -> c.path().equals(path)).toList();
    }

    @Test
    void aPageSendsOneTriggerWithTheRoutingKeyAndDedupKeyAndResolvingSendsOneResolve() {
        String mia = d.user("mia");
        Incident incident = d.declare("declare Checkout slow sev3", mia, d.channel("ops", mia));
        String channel = incident.channelId().orElseThrow();
        String dedup = incident.id() + ":platform";

        String ack = d.say("page platform -- Checkout down in EU <3", mia, channel);
        assertThat(ack).contains("Paging *platform* (PagerDuty) for " + incident.id());
        d.app.sendDue();

        List<FakePagerDuty.Event> triggers = pd(dedup, "trigger");
        assertThat(triggers).hasSize(1);
        FakePagerDuty.Event trigger = triggers.get(0);
        assertThat(trigger.routingKey()).isEqualTo(TestSecretsFactory.VALUES.get("PD_ROUTING_KEY"));
        JsonObject payload = trigger.body().getAsJsonObject("payload");
        assertThat(payload.get("severity").getAsString()).isEqualTo("warning");
        assertThat(payload.get("summary").getAsString())
                .isEqualTo(incident.id() + " (sev3): Checkout slow — Checkout down in EU <3");
        assertThat(payload.getAsJsonObject("custom_details").get("incident").getAsString()).isEqualTo(incident.id());
        assertThat(trigger.body().getAsJsonArray("links").get(0).getAsJsonObject().get("href").getAsString())
                .endsWith("/incidents/" + incident.number());
        // Said in the channel (the typed text escaped) and on the timeline.
        d.awaitPost(channel, "Paged *platform* (PagerDuty) for " + incident.id() + " by <@" + mia
                + "> — Checkout down in EU &lt;3.");
        assertThat(d.app.bean(IncidentService.class).timeline(incident.number()))
                .anyMatch(e -> e.kind() == TimelineEntry.Kind.PAGE
                        && e.text().equals("Paged platform (PagerDuty) — Checkout down in EU <3"));

        // Paged again: not sent twice.
        assertThat(d.say("page platform", mia, channel)).contains("already paged", "not paged twice");
        d.app.sendDue();
        assertThat(pd(dedup, "trigger")).hasSize(1);

        d.resolve(incident, mia);
        d.app.sendDue();
        d.app.sendDue();
        List<FakePagerDuty.Event> resolves = pd(dedup, "resolve");
        assertThat(resolves).hasSize(1);
        assertThat(resolves.get(0).routingKey()).isEqualTo(TestSecretsFactory.VALUES.get("PD_ROUTING_KEY"));
        assertThat(d.page(incident, "platform").state()).isEqualTo(PageState.RESOLVED);
        d.awaitPost(channel, "Resolved the page of *platform* (PagerDuty) for " + incident.id());
        assertThat(d.say("page platform", mia, channel)).contains(incident.id() + " is resolved");
    }

    @Test
    void aServerErrorIsSaidInTheChannelAndRetriedWithBackoffUntilThePageArrives() {
        String mia = d.user("mia");
        Incident incident = d.declare("declare Search returns nothing sev2", mia, d.channel("ops", mia));
        String channel = incident.channelId().orElseThrow();
        String dedup = incident.id() + ":platform";
        d.app.pagerDuty.failNext(2);

        d.say("page platform", mia, channel);
        d.app.sendDue();
        assertThat(pd(dedup, "trigger")).isEmpty();
        d.awaitPost(channel, "Paging *platform* (PagerDuty) for " + incident.id()
                + " failed: PagerDuty answered HTTP 500. Trying again in 30s");
        assertThat(d.page(incident, "platform").state()).isEqualTo(PageState.TRIGGER_PENDING);

        d.app.sendDue(); // not due yet: nothing is sent
        assertThat(d.app.pagerDuty.events().stream().filter(e -> e.status() == 500).count()).isGreaterThanOrEqualTo(1);
        d.app.clock.advance(Duration.ofSeconds(31));
        d.app.sendDue(); // the second 500: said once only, the next try a minute later
        d.app.clock.advance(Duration.ofSeconds(61));
        d.app.sendDue();

        assertThat(pd(dedup, "trigger")).hasSize(1);
        assertThat(pd(dedup, "trigger").get(0).body().getAsJsonObject("payload").get("severity").getAsString())
                .isEqualTo("error");
        d.awaitPost(channel, "Paged *platform* (PagerDuty) for " + incident.id());
        assertThat(d.posts(channel, "failed: PagerDuty answered HTTP 500")).isEqualTo(1);
        assertThat(d.page(incident, "platform").state()).isEqualTo(PageState.TRIGGERED);
    }

    @Test
    void aKeyThePagerRefusesFailsThePageForGoodAndSaysWhy() {
        String mia = d.user("mia");
        Incident incident = d.declare("declare Old pager sev4", mia, d.channel("ops", mia));
        String channel = incident.channelId().orElseThrow();

        d.say("page legacy -- anyone?", mia, channel);
        d.app.sendDue();

        assertThat(d.page(incident, "legacy").state()).isEqualTo(PageState.FAILED);
        d.awaitPost(channel, "Could not page *legacy* (PagerDuty) for " + incident.id()
                + ": PagerDuty answered HTTP 400: Event object is invalid; Length of 'routing_key' is incorrect");
        long sent = d.app.pagerDuty.events().size();
        d.app.clock.advance(Duration.ofMinutes(30));
        d.app.sendDue();
        assertThat(d.app.pagerDuty.events()).hasSize((int) sent);
        // The key never reaches the channel.
        assertThat(d.app.slack.calls("chat.postMessage").stream().map(c -> String.valueOf(c.text())))
                .noneMatch(t -> t.contains(TestSecretsFactory.VALUES.get("OPSGENIE_API_KEY")));
    }

    @Test
    void pageOnPagesEveryTargetOnceAtDeclarationAndOpsgenieGetsItsAlertAndItsClose() {
        String mia = d.user("mia");
        Incident incident = d.declare("declare Database down sev1", mia, d.channel("ops", mia));
        String channel = incident.channelId().orElseThrow();
        d.app.sendDue();

        assertThat(pd(incident.id() + ":platform", "trigger")).singleElement()
                .satisfies(e -> assertThat(e.body().getAsJsonObject("payload").get("severity").getAsString())
                        .isEqualTo("critical"));
        List<FakeOpsgenie.Call> alerts = d.app.opsgenie.calls().stream().filter(c -> c.path().equals("/v2/alerts")
                && c.body().get("alias").getAsString().equals(incident.id() + ":dba")).toList();
        assertThat(alerts).hasSize(1);
        JsonObject alert = alerts.get(0).body();
        assertThat(alert.get("priority").getAsString()).isEqualTo("P1");
        assertThat(alert.get("message").getAsString()).isEqualTo(incident.id() + " (sev1): Database down");
        assertThat(alert.getAsJsonArray("responders").get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("team");
        assertThat(alert.getAsJsonArray("responders").get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("dba-team");
        d.awaitPost(channel, "Paged *dba* (Opsgenie) for " + incident.id() + ".");
        assertThat(d.page(incident, "legacy").state()).isEqualTo(PageState.FAILED);

        // Down to sev2 and up again: each target was paged once, and is not paged again.
        d.say("severity sev2", mia, channel);
        d.say("severity sev1", mia, channel);
        d.app.sendDue();
        assertThat(pd(incident.id() + ":platform", "trigger")).hasSize(1);
        assertThat(opsgenie("/v2/alerts").stream().filter(c -> c.body().get("alias").getAsString()
                .equals(incident.id() + ":dba"))).hasSize(1);

        d.resolve(incident, mia);
        d.app.sendDue();
        assertThat(pd(incident.id() + ":platform", "resolve")).hasSize(1);
        List<FakeOpsgenie.Call> closes = opsgenie("/v2/alerts/" + incident.id() + ":dba/close");
        assertThat(closes).hasSize(1);
        assertThat(closes.get(0).query()).isEqualTo("identifierType=alias");
        assertThat(d.page(incident, "dba").state()).isEqualTo(PageState.RESOLVED);
    }

    @Test
    void raisingTheSeverityToPageOnPagesEveryTarget() {
        String mia = d.user("mia");
        Incident incident = d.declare("declare Payments flaky sev3", mia, d.channel("ops", mia));
        String channel = incident.channelId().orElseThrow();
        d.app.sendDue();
        assertThat(pd(incident.id() + ":platform", "trigger")).isEmpty();

        d.say("severity sev1", mia, channel);
        d.app.sendDue();

        assertThat(pd(incident.id() + ":platform", "trigger")).hasSize(1);
        assertThat(opsgenie("/v2/alerts").stream().filter(c -> c.body().get("alias").getAsString()
                .equals(incident.id() + ":dba"))).hasSize(1);
    }

    @Test
    void anUnknownTargetIsAnsweredWithTheKnownOnesAndNothingIsPaged() {
        String mia = d.user("mia");
        Incident incident = d.declare("declare Typo in target sev3", mia, d.channel("ops", mia));
        String channel = incident.channelId().orElseThrow();

        String answer = d.say("page platfrom -- help", mia, channel);

        assertThat(answer).contains("`platfrom` is not an on-call target. Did you mean `platform`?",
                "The team file names: `platform`, `dba`, `legacy`.");
        assertThat(d.app.bean(dev.flightdeck.incident.paging.Paging.class).pagesOf(incident.number())).isEmpty();
        assertThat(d.say("page platform", mia, d.channel("elsewhere", mia))).contains("not an incident channel");
    }
}
