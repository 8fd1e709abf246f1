package dev.flightdeck.alarms;

import dev.flightdeck.alarms.AlertEpisodes.Click;
import dev.flightdeck.alarms.AlertEpisodes.DeclareForm;
import dev.flightdeck.alarms.AlertIntake.OnTimeline;
import dev.flightdeck.alarms.AlertIntake.Posted;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.TimelineEntry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acknowledge, Declare incident, and alerts of a service with an open incident going on its timeline. */
@MicronautTest(transactional = false, startApplication = false)
class AlertClicksTest extends AlertRig {

    long fired() {
        return ((Posted) episodes.receive(alarm("5xx").build())).episodeId();
    }

    List<TimelineEntry> alertsOn(long incident) {
        return incidentRepository.timeline(incident).stream().filter(e -> e.kind() == TimelineEntry.Kind.ALERT)
                .toList();
    }

    @Test
    void acknowledgingShowsWhoAndStopsTheNudges() {
        long id = fired();
        assertThat(episode(id).nextNudgeAt()).isPresent();

        Click click = episodes.acknowledge(id, "U0ACK");

        assertThat(click).isInstanceOf(Click.Done.class);
        AlertEpisode acked = ((Click.Done) click).episode();
        assertThat(acked.acknowledgedBy()).contains("U0ACK");
        assertThat(acked.acknowledgedAt()).contains(now());
        assertThat(acked.nextNudgeAt()).isEmpty();
        assertThat(news.lastUpdate().acknowledgedBy()).contains("U0ACK");
        assertThat(episode(id).acknowledgedBy()).contains("U0ACK");
    }

    @Test
    void aSecondAcknowledgeChangesNothingAndSaysWhoWasFirst() {
        long id = fired();
        episodes.acknowledge(id, "U0ACK");
        int redraws = news.updates.size();

        Click again = episodes.acknowledge(id, "U0LATE");

        assertThat(again).isInstanceOf(Click.AlreadyAcknowledged.class);
        assertThat(((Click.AlreadyAcknowledged) again).episode().acknowledgedBy()).contains("U0ACK");
        assertThat(news.updates).hasSize(redraws);
    }

    @Test
    void aClickOnAnEpisodeThatIsNotThereSaysSo() {
        assertThat(episodes.acknowledge(987654321L, "U1")).isEqualTo(new Click.NoSuchEpisode(987654321L));
        assertThat(episodes.declareForm(987654321L)).isEmpty();
    }

    @Test
    void theDeclareFormIsPrefilledFromTheAlarmTheServiceAndTheEnvironmentsSeverity() {
        long id = fired();

        DeclareForm form = episodes.declareForm(id).orElseThrow();

        assertThat(form).isEqualTo(new DeclareForm(id, "5xx-" + service + ": " + service + " in prod", service, "prod",
                Severity.SEV1));
        long staging = ((Posted) episodes.receive(alarm("lag").in(service, "staging").build())).episodeId();
        assertThat(episodes.declareForm(staging).orElseThrow().severity()).as("the default, sev2").isEqualTo(Severity.SEV2);
    }

    @Test
    void declaringLinksTheAlarmOnTheIncidentsTimelineAndTheMessageSaysSo() {
        long id = fired();
        long incident = openIncident("Checkout failing");

        episodes.declared(id, Incident.idOf(incident), "U0DECL");
        episodes.declared(id, Incident.idOf(incident), "U0DECL");

        assertThat(episode(id).incident()).contains(Incident.idOf(incident));
        assertThat(news.lastUpdate().incident()).contains(Incident.idOf(incident));
        List<TimelineEntry> entries = alertsOn(incident);
        assertThat(entries).as("once, however often it is reported").hasSize(1);
        assertThat(entries.get(0).author()).isEqualTo("U0DECL");
        assertThat(entries.get(0).text()).startsWith("Declared from alarm 5xx-" + service + " (" + service + " in prod)")
                .contains("Threshold Crossed");
    }

    @Test
    void anotherAlarmOfAServiceWithAnIncidentDeclaredFromItGoesOnThatTimelineInstead() {
        long id = fired();
        long incident = openIncident("Checkout failing");
        episodes.declared(id, Incident.idOf(incident), "U0DECL");
        int posts = news.posts.size();

        AlertIntake.Result result = episodes.receive(alarm("latency").reason("p99 over 2s").build());
        AlertIntake.Result repeat = episodes.receive(alarm("latency").reason("p99 over 2s").build());

        assertThat(result).isEqualTo(new OnTimeline(Incident.idOf(incident)));
        assertThat(repeat).isEqualTo(new OnTimeline(Incident.idOf(incident)));
        assertThat(news.posts).hasSize(posts);
        assertThat(alertsOn(incident)).filteredOn(e -> e.text().contains("latency-" + service)).singleElement()
                .satisfies(e -> {
                    assertThat(e.author()).isEqualTo("flightdeck");
                    assertThat(e.text()).contains("ALARM — p99 over 2s");
                });
    }

    @Test
    void anOpenIncidentNamingTheServiceTakesItsAlarmsOnItsTimeline() {
        long incident = openIncident(service + " returns 500s");
        openIncident("Unrelated outage");

        AlertIntake.Result result = episodes.receive(alarm("5xx").build());
        AlertIntake.Result ok = episodes.receive(alarm("5xx").ok().build());

        assertThat(result).isEqualTo(new OnTimeline(Incident.idOf(incident)));
        assertThat(ok).as("its OK too: there is no message to redraw").isEqualTo(new OnTimeline(Incident.idOf(incident)));
        assertThat(news.posts).isEmpty();
        assertThat(alertsOn(incident)).hasSize(2);
    }

    @Test
    void aResolvedIncidentTakesNothingAndTheAlarmIsPostedAgain() {
        long incident = openIncident(service + " returns 500s");
        incidentRepository.resolve(incident, now(), new Incident.SummaryText("s", "a", "w", "p"));

        assertThat(episodes.receive(alarm("5xx").build())).isInstanceOf(Posted.class);
        assertThat(alertsOn(incident)).isEmpty();
    }
}
