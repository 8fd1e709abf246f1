package dev.flightdeck.slack.incident.paging;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.paging.Page;
import dev.flightdeck.incident.paging.PageSender;
import dev.flightdeck.incident.paging.PageState;
import dev.flightdeck.incident.paging.PageStore;
import dev.flightdeck.incident.paging.PageTransitions;
import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a start the sender catches up on what a lifecycle call lost in a crash would have stored: the page-on pages of
 * an open sev1 incident, the resolve of a page whose incident was resolved meanwhile. (The incidents are written
 * through the repository alone, as a crash between the change and the listener leaves them.)
 */
class PagingCatchUpTest {

    private final PagingDriver d = new PagingDriver();

    @Test
    void pagesOwedToOpenIncidentsAndResolvesOwedToResolvedOnesAreSentAfterAStart() {
        IncidentRepository incidents = d.app.bean(IncidentRepository.class);
        PageStore store = d.app.bean(PageStore.class);
        String mia = d.user("mia");
        String where = d.channel("ops", mia);
        var now = d.app.clock.instant().truncatedTo(ChronoUnit.MICROS);
        Incident open = incidents.create(new IncidentRepository.NewIncident("Crashed before paging", Severity.SEV1,
                mia, where, now, Optional.empty()));
        Incident resolved = incidents.create(new IncidentRepository.NewIncident("Crashed before resolving",
                Severity.SEV3, mia, where, now, Optional.empty()));
        Page p = store.insert(new Page.New(resolved.number(), "platform", Optional.empty(), mia, now)).orElseThrow();
        store.move(p, PageTransitions.enter(p, PageTransitions.Event.ACCEPTED, now, Optional.empty()).orElseThrow());
        incidents.resolve(resolved.number(), now, new Incident.SummaryText("s", "a", "w", "p"));

        PageSender sender = d.app.bean(PageSender.class);
        sender.catchUp();
        sender.runDue();

        assertThat(d.app.pagerDuty.accepted(e -> e.dedupKey().equals(open.id() + ":platform")
                && e.action().equals("trigger"))).hasSize(1);
        assertThat(d.app.opsgenie.calls()).anyMatch(c -> c.path().equals("/v2/alerts")
                && c.body().get("alias").getAsString().equals(open.id() + ":dba"));
        assertThat(d.app.pagerDuty.accepted(e -> e.dedupKey().equals(resolved.id() + ":platform")
                && e.action().equals("resolve"))).hasSize(1);
        assertThat(d.page(resolved, "platform").state()).isEqualTo(PageState.RESOLVED);
        // No channel yet: told where the incident was declared.
        d.awaitPost(where, "Paged *platform* (PagerDuty) for " + open.id());

        sender.catchUp();
        sender.runDue();
        assertThat(d.app.pagerDuty.accepted(e -> e.dedupKey().equals(open.id() + ":platform"))).hasSize(1);
    }
}
