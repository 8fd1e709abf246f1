package dev.flightdeck.incident;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The set-up of a declaration in the chat workspace, as one table: each step in the order it runs, what in the stored
 * incident shows it done, and what it does. {@link IncidentSetup} runs the steps not yet done, so a resumed run
 * (after a Slack failure, a restart, on another replica) continues where the last one stopped. What happens once all
 * are done (the card and topic catch up with changes made meanwhile) sits in {@link IncidentSetup#complete}.
 */
final class SetupTable {

    private SetupTable() {
    }

    /** What shows a step done. The runner records a {@link Marked} step itself, right after it ran. */
    sealed interface DoneWhen {
        boolean in(Incident incident);
    }

    /** The step stores its result (the channel's id): having it is being done. */
    record ChannelExists() implements DoneWhen {
        public boolean in(Incident incident) {
            return incident.channelId().isPresent();
        }
    }

    /** The step stores the card's message ts: having it is being done. */
    record CardPosted() implements DoneWhen {
        public boolean in(Incident incident) {
            return incident.cardTs().isPresent();
        }
    }

    /** The step has no result of its own: it is marked done in the record once the workspace confirmed it. */
    record Marked(SetupStep step) implements DoneWhen {
        public boolean in(Incident incident) {
            return incident.stepsDone().contains(step);
        }
    }

    interface Action {
        void run(IncidentSetup setup, Incident incident);
    }

    record Step(String name, DoneWhen doneWhen, Action action) {
    }

    static final List<Step> STEPS = List.of(
            new Step("create the channel", new ChannelExists(), IncidentSetup::createChannel),
            new Step("invite the declarer, commander and communicator", new Marked(SetupStep.INVITE),
                    (s, i) -> s.channels().invite(channel(i), people(i))),
            new Step("post the card", new CardPosted(), IncidentSetup::postCard),
            new Step("pin the card", new Marked(SetupStep.PIN),
                    (s, i) -> s.channels().pin(channel(i), i.cardTs().orElseThrow())),
            new Step("set the topic", new Marked(SetupStep.TOPIC), (s, i) -> s.channels().setTopic(i)),
            new Step("announce", new Marked(SetupStep.ANNOUNCE),
                    (s, i) -> s.channels().announce(i, new IncidentChannels.Announcement.Declared())));

    private static String channel(Incident incident) {
        return incident.channelId().orElseThrow();
    }

    private static Set<String> people(Incident incident) {
        Set<String> people = new LinkedHashSet<>();
        people.add(incident.declaredBy());
        people.add(incident.commanderId());
        incident.communicatorId().ifPresent(people::add);
        return people;
    }
}
