package dev.flightdeck.incident;

import dev.flightdeck.incident.IncidentChannels.Announcement;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.Announced;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.CardPosted;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.CardUpdated;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.ChannelCreated;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.Invited;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.Pinned;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.SetupStopped;
import dev.flightdeck.incident.fakes.FakeIncidentChannels.TopicSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.incident.IncidentWorld.DANA;
import static dev.flightdeck.incident.IncidentWorld.EVE;
import static org.assertj.core.api.Assertions.assertThat;

/** The declaration's set-up in Slack: its table of steps, a whole run, and a run resumed after Slack stopped one. */
class IncidentSetupTest {

    final IncidentWorld w = new IncidentWorld();

    @Test
    void theTableListsEachStepOnceInOrderWithWhatShowsItDone() {
        assertThat(SetupTable.STEPS).extracting(SetupTable.Step::name).containsExactly(
                "create the channel", "invite the declarer, commander and communicator", "post the card",
                "pin the card", "set the topic", "announce");
        assertThat(SetupTable.STEPS).extracting(SetupTable.Step::doneWhen).containsExactly(
                new SetupTable.ChannelExists(), new SetupTable.Marked(SetupStep.INVITE), new SetupTable.CardPosted(),
                new SetupTable.Marked(SetupStep.PIN), new SetupTable.Marked(SetupStep.TOPIC),
                new SetupTable.Marked(SetupStep.ANNOUNCE));
        // Every step the record can mark done has exactly one row.
        assertThat(SetupTable.STEPS).extracting(SetupTable.Step::doneWhen)
                .filteredOn(SetupTable.Marked.class::isInstance).extracting(d -> ((SetupTable.Marked) d).step())
                .containsExactlyInAnyOrder(SetupStep.values());
    }

    @Test
    void aDeclarationGetsItsChannelPeopleCardTopicAndAnnouncementAndNoSeparateCallForACommunicator() {
        Incident incident = w.declared("Checkout returns 500s", Severity.SEV2, DANA);

        assertThat(w.setup.runFirst(incident.number())).isTrue();

        assertThat(w.channels.kinds()).containsExactly(ChannelCreated.class, Invited.class, CardPosted.class,
                Pinned.class, TopicSet.class, Announced.class, CardUpdated.class);
        Incident done = w.stored(incident);
        assertThat(done.channelName()).contains("inc-1-checkout-returns-500s");
        assertThat(w.channels.seen(Invited.class)).containsExactly(new Invited(done.channelId().orElseThrow(), Set.of(DANA)));
        assertThat(w.channels.seen(Pinned.class)).containsExactly(new Pinned(done.channelId().orElseThrow(),
                done.cardTs().orElseThrow()));
        assertThat(w.channels.seen(Announced.class)).containsExactly(new Announced(1, new Announcement.Declared()));
        assertThat(done.stepsDone()).containsExactlyInAnyOrder(SetupStep.values());
        assertThat(done.setupComplete()).isTrue();
        assertThat(w.auditTypes()).containsExactly("incident.declared", "incident.channel_created");

        // A second run (a retry, another replica) finds nothing to do.
        assertThat(w.setup.run(incident.number())).isFalse();
        assertThat(w.channels.seen()).hasSize(7);
    }

    @Test
    void aTakenNameGetsTheNextOne() {
        w.channels.nameTaken("inc-1-checkout-down");
        Incident incident = w.declaredAndSetUp("Checkout down", Severity.SEV3, DANA);

        assertThat(incident.channelName()).contains("inc-1-checkout-down-2");
    }

    @Test
    void aRunSlackStoppedTellsTheDeclarerAndTheNextRunContinuesWhereItStopped() {
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA);
        w.channels.failNext(Pinned.class);

        assertThat(w.setup.runFirst(incident.number())).isFalse();
        assertThat(w.channels.seen(SetupStopped.class)).singleElement()
                .satisfies(s -> assertThat(s.declarer()).isEqualTo(DANA));
        assertThat(w.stored(incident).stepsDone()).containsExactly(SetupStep.INVITE);

        // The lease keeps other runs off until it runs out; then the reminder job resumes it, quietly.
        assertThat(w.setup.run(incident.number())).isFalse();
        w.clock.advance(IncidentSetup.LEASE);
        assertThat(w.repository.stalledSetups(w.clock.instant())).extracting(Incident::number).containsExactly(1L);
        assertThat(w.setup.run(incident.number())).isTrue();

        assertThat(w.channels.kinds()).containsExactly(ChannelCreated.class, Invited.class, CardPosted.class,
                SetupStopped.class, Pinned.class, TopicSet.class, Announced.class, CardUpdated.class);
    }

    @Test
    void aCommunicatorNamedWhileSlackWasAwayShowsOnTheCard() {
        Incident incident = w.declared("Checkout down", Severity.SEV2, DANA);
        w.channels.failNext(Announced.class);
        w.setup.runFirst(incident.number());
        w.incidents.assignRole(Optional.of("INC-1"), null, IncidentRole.COMMUNICATOR, EVE, EVE);
        w.clock.advance(IncidentSetup.LEASE);

        w.setup.run(incident.number());

        List<Class<?>> kinds = List.copyOf(w.channels.kinds());
        assertThat(kinds.subList(kinds.indexOf(SetupStopped.class) + 1, kinds.size()))
                .containsExactly(Announced.class, CardUpdated.class);
        assertThat(w.channels.seen(CardUpdated.class)).singleElement()
                .satisfies(c -> assertThat(c.incident().communicatorId()).contains(EVE));
    }
}
