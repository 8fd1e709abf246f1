package dev.flightdeck.incident.status;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.flightdeck.incident.status.StatusWorld.DANA;
import static dev.flightdeck.incident.status.StatusWorld.EVE;
import static dev.flightdeck.incident.status.StatusWorld.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may publish what, and that a refused publish posts nothing either. */
class StatusPublishingTest {

    final StatusWorld w = new StatusWorld();

    @Test
    void theCommunicatorPublishesAnUpdateWhichIsAlsoPostedAsAnyUpdateAndAudited() {
        Incident incident = w.withCommunicator(w.declared("Billing double charges", Severity.SEV2), EVE);
        w.clock.advance(Duration.ofMinutes(5));

        PublishResult result = w.publishing.update(Optional.of(incident.id()), null, Optional.of(IncidentStatus.IDENTIFIED),
                "Some customers were charged twice; refunds follow.", EVE);

        PublishResult.Published published = (PublishResult.Published) result;
        assertThat(published.update().status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(published.update().at()).isEqualTo(w.clock.instant());
        assertThat(w.store.all()).extracting(PublicUpdate::body).containsExactly("Some customers were charged twice; refunds follow.");
        assertThat(w.repository.timeline(incident.number())).extracting(TimelineEntry::kind)
                .contains(TimelineEntry.Kind.UPDATE, TimelineEntry.Kind.STATUS);
        assertThat(w.repository.find(incident.number()).orElseThrow().status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(w.audit.all()).extracting(e -> e.type()).contains("incident.updated", "incident.published");
    }

    @Test
    void someoneWhoHoldsNoRoleIsRefusedAndNothingIsPostedOrPublished() {
        Incident incident = w.declared("Search slow", Severity.SEV3);
        int before = w.repository.timeline(incident.number()).size();

        PublishResult result = w.publish(incident, "Search is slow for some.", STRANGER);

        assertThat(result).isEqualTo(new PublishResult.NotTheirs(incident, STRANGER));
        assertThat(w.store.all()).isEmpty();
        assertThat(w.repository.timeline(incident.number())).hasSize(before);
        assertThat(w.publish(incident, "Search is slow for some.", DANA)).isInstanceOf(PublishResult.Published.class);
    }

    @Test
    void textNamingAPersonAHandleOrTheChannelIsRefusedWithTheWordToTakeOut() {
        Incident incident = w.declared("Web down", Severity.SEV1);
        w.repository.setChannel(incident.number(), "C0INC", "inc-1-web-down");

        assertThat(w.publish(incident, "<@U0EVE|eve> is restarting it", DANA))
                .isEqualTo(new PublishResult.PrivateWord(w.repository.find(incident.number()).orElseThrow(), "<@U0EVE|eve>"));
        assertThat(((PublishResult.PrivateWord) w.publish(incident, "Ask @oncall-db for help", DANA)).word())
                .isEqualTo("@oncall-db");
        assertThat(((PublishResult.PrivateWord) w.publish(incident, "Details in INC-1-WEB-DOWN", DANA)).word())
                .isEqualTo("#inc-1-web-down");
        assertThat(((PublishResult.PrivateWord) w.publish(incident, "see <#C0INC|inc-1-web-down>", DANA)).word())
                .isEqualTo("<#C0INC|inc-1-web-down>");
        assertThat(w.store.all()).isEmpty();
        assertThat(w.publish(incident, "Write to help@example.com meanwhile.", DANA))
                .isInstanceOf(PublishResult.Published.class);
    }

    @Test
    void anUpdateTheIncidentRefusesIsNotPublished() {
        Incident incident = w.declared("Web down", Severity.SEV1);
        w.incidents.update(Optional.of(incident.id()), null, Optional.of(IncidentStatus.IDENTIFIED), "x", DANA);

        PublishResult result = w.publishing.update(Optional.of("INC-99"), null, Optional.empty(), "Fine now", DANA);

        assertThat(result).isInstanceOf(PublishResult.UpdateRefused.class);
        assertThat(((PublishResult.UpdateRefused) result).result()).isInstanceOf(IncidentResult.NoSuchIncident.class);
        assertThat(w.store.all()).isEmpty();
    }

    @Test
    void onlyTheCommanderPublishesTheSummaryOnceWithItsWrittenPartsUnderTheirHeadings() {
        Incident incident = w.withCommunicator(w.declared("Billing double charges", Severity.SEV2), EVE);
        Incident.SummaryText parts = new Incident.SummaryText("Double charges for an hour.", "Card customers.", "", "A test.");

        assertThat(w.publishing.summaryRefusal(incident, parts, EVE)).contains(new PublishResult.NotTheirs(incident, EVE));
        assertThat(w.publishing.publishSummary(incident, parts, EVE)).isFalse();
        assertThat(w.publishing.summaryRefusal(incident, new Incident.SummaryText("Thanks @eve", "", "", ""), DANA))
                .contains(new PublishResult.PrivateWord(incident, "@eve"));
        assertThat(w.publishing.summaryRefusal(incident, parts, DANA)).isEmpty();
        assertThat(w.publishing.publishSummary(incident, parts, DANA)).isTrue();
        assertThat(w.publishing.publishSummary(incident, parts, DANA)).as("once").isFalse();

        assertThat(w.store.all()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(PublicUpdate.Kind.SUMMARY);
            assertThat(s.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(s.body()).isEqualTo("Summary\nDouble charges for an hour.\n\nWho was affected?\nCard customers.\n\n"
                    + "What we're doing to make sure it doesn't happen again?\nA test.");
        });
    }
}
