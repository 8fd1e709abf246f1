package dev.flightdeck.incident.fakes;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentChannels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link IncidentChannels} as a workspace in memory: channel names are taken once, channel ids and message ts are
 * handed out in order, and every call that reached the workspace is kept, in order, as what people would see.
 * {@link #failNext} makes the next call of a kind fail as the Slack adapter does when Slack will not answer.
 */
public final class FakeIncidentChannels implements IncidentChannels {

    /** What reached the workspace. Incidents appear as they were handed over. */
    public sealed interface Seen {
    }

    public record ChannelCreated(String name, String channelId) implements Seen {
    }

    public record Invited(String channelId, Set<String> userIds) implements Seen {
    }

    public record CardPosted(long number, String ts) implements Seen {
    }

    public record CardUpdated(Incident incident) implements Seen {
    }

    public record Pinned(String channelId, String ts) implements Seen {
    }

    public record TopicSet(Incident incident) implements Seen {
    }

    public record Announced(long number, Announcement announcement) implements Seen {
    }

    public record RemindedCommunicator(long number, String userId, Duration since) implements Seen {
    }

    public record RemindedCommander(long number, String userId, Duration since) implements Seen {
    }

    public record SetupStopped(long number, String declarer, String cause) implements Seen {
    }

    private final List<Seen> seen = new ArrayList<>();
    private final Set<String> takenNames = new HashSet<>();
    private final Set<Class<? extends Seen>> failing = new HashSet<>();
    private int lastChannel;
    private int lastTs;

    /** The next call that would have been seen as {@code kind} fails instead (and is not seen). */
    public synchronized FakeIncidentChannels failNext(Class<? extends Seen> kind) {
        failing.add(kind);
        return this;
    }

    /** A channel of this name exists already (someone else's). */
    public synchronized FakeIncidentChannels nameTaken(String name) {
        takenNames.add(name);
        return this;
    }

    public synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    public synchronized <T extends Seen> List<T> seen(Class<T> kind) {
        return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public synchronized List<Class<? extends Seen>> kinds() {
        return seen.stream().<Class<? extends Seen>>map(Seen::getClass).toList();
    }

    @Override
    public synchronized Created createChannel(String name) {
        if (takenNames.contains(name)) {
            return new Created.NameTaken();
        }
        String id = "C0INC" + (lastChannel + 1);
        record(new ChannelCreated(name, id));
        lastChannel++;
        takenNames.add(name);
        return new Created.Ok(id);
    }

    @Override
    public synchronized void invite(String channelId, Collection<String> userIds) {
        record(new Invited(channelId, new LinkedHashSet<>(userIds)));
    }

    @Override
    public synchronized String postCard(Incident incident) {
        String ts = "1764000000." + String.format("%06d", ++lastTs);
        record(new CardPosted(incident.number(), ts));
        return ts;
    }

    @Override
    public synchronized void updateCard(Incident incident) {
        if (incident.cardTs().isPresent()) {
            record(new CardUpdated(incident));
        }
    }

    @Override
    public synchronized void pin(String channelId, String ts) {
        record(new Pinned(channelId, ts));
    }

    @Override
    public synchronized void setTopic(Incident incident) {
        if (incident.channelId().isPresent()) {
            record(new TopicSet(incident));
        }
    }

    @Override
    public synchronized void announce(Incident incident, Announcement announcement) {
        record(new Announced(incident.number(), announcement));
    }

    @Override
    public synchronized void remindCommunicator(Incident incident, String communicatorId, Duration since) {
        record(new RemindedCommunicator(incident.number(), communicatorId, since));
    }

    @Override
    public synchronized void remindCommander(Incident incident, Duration since) {
        record(new RemindedCommander(incident.number(), incident.commanderId(), since));
    }

    @Override
    public synchronized void setupStopped(Incident incident, String cause, Duration retryEvery) {
        record(new SetupStopped(incident.number(), incident.declaredBy(), cause));
    }

    private void record(Seen call) {
        if (failing.remove(call.getClass())) {
            throw new ChannelsFailed("Slack answered fatal_error for " + call.getClass().getSimpleName(), null);
        }
        seen.add(call);
    }
}
