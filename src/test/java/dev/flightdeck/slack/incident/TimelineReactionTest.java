package dev.flightdeck.slack.incident;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** :pushpin: on a message in an incident channel adds it to the timeline once, with its own author. */
class TimelineReactionTest {

    final IncidentFixture f = new IncidentFixture();

    @Test
    void aPushpinAddsOneEntryEvenWhenSlackDeliversTheEventTwice() {
        String pia = f.user("pia");
        String quinn = f.user("quinn");
        Incident incident = f.declare("declare Cache stampede sev3", pia, f.channel("ops", pia));
        String channel = incident.channelId().orElseThrow();
        String ts = f.slack().addMessage(channel, quinn, "Failing over the primary cache node now");
        String other = f.slack().addMessage(channel, quinn, "Not important");
        int historyBefore = f.slack().calls("conversations.history").size();

        assertThat(f.app.signed().reactionAdded(pia, "pushpin", channel, ts).send(f.app.uri()).status()).isEqualTo(200);
        assertThat(f.app.signed().reactionAdded(pia, "pushpin", channel, ts).send(f.app.uri()).status()).isEqualTo(200);
        assertThat(f.app.signed().reactionAdded(pia, "thumbsup", channel, other).send(f.app.uri()).status()).isEqualTo(200);

        awaitHistoryCalls(historyBefore + 2);
        List<TimelineEntry> pinned = awaitPinned(incident);
        assertThat(pinned).hasSize(1);
        TimelineEntry entry = pinned.get(0);
        assertThat(entry.text()).isEqualTo("Failing over the primary cache node now");
        assertThat(entry.author()).isEqualTo(quinn);
        assertThat(entry.at().getEpochSecond()).isEqualTo(Long.parseLong(ts.substring(0, ts.indexOf('.'))));
        assertThat(f.slack().calls("conversations.history")).hasSize(historyBefore + 2);
    }

    @Test
    void aPushpinOnAThreadReplyAddsTheReply() {
        String pia = f.user("pia");
        String quinn = f.user("quinn");
        Incident incident = f.declare("declare Queue backlog sev3", pia, f.channel("ops", pia));
        String channel = incident.channelId().orElseThrow();
        String parent = f.slack().addMessage(channel, pia, "What do we know about the backlog?");
        String reply = f.slack().addReply(channel, parent, quinn, "Consumers stalled at 09:12 after the deploy");

        assertThat(f.app.signed().reactionAdded(pia, "pushpin", channel, reply).send(f.app.uri()).status()).isEqualTo(200);

        List<TimelineEntry> pinned = awaitPinned(incident);
        assertThat(pinned).extracting(TimelineEntry::text).containsExactly("Consumers stalled at 09:12 after the deploy");
        assertThat(pinned.get(0).author()).isEqualTo(quinn);
    }

    @Test
    void aPushpinOutsideIncidentChannelsIsIgnored() {
        String rae = f.user("rae");
        String channel = f.channel("random", rae);
        String ts = f.slack().addMessage(channel, rae, "lunch?");
        int historyBefore = f.slack().calls("conversations.history").size();
        assertThat(f.app.signed().reactionAdded(rae, "pushpin", channel, ts).send(f.app.uri()).status()).isEqualTo(200);
        pause(); // the reaction is handled after the ack: give it the time it would take
        assertThat(f.slack().calls("conversations.history")).hasSize(historyBefore);
    }

    private void awaitHistoryCalls(int n) {
        long deadline = System.nanoTime() + IncidentFixture.WAIT.toNanos();
        while (f.slack().calls("conversations.history").size() < n && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(f.slack().calls("conversations.history")).hasSizeGreaterThanOrEqualTo(n);
    }

    /** The entries are added right after the history calls answer: wait for the first, then give a twin time to land. */
    private List<TimelineEntry> awaitPinned(Incident incident) {
        IncidentService service = f.app.bean(IncidentService.class);
        long deadline = System.nanoTime() + IncidentFixture.WAIT.toNanos();
        while (pinned(service, incident).isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
        pause();
        return pinned(service, incident);
    }

    private static List<TimelineEntry> pinned(IncidentService service, Incident incident) {
        return service.timeline(incident.number()).stream().filter(e -> e.kind() == TimelineEntry.Kind.PINNED).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
