package dev.flightdeck.alarms;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.team.ChannelRef;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An AlertNews that records what it was asked to say, for the domain's tests; posts land in "C" + the channel. */
final class RecordingNews implements AlertNews {

    record Post(AlertEpisode episode, ChannelRef channel) {
    }

    record Nudge(AlertEpisode episode, List<ApproverRef> who) {
    }

    final List<Post> posts = new CopyOnWriteArrayList<>();
    final List<AlertEpisode> updates = new CopyOnWriteArrayList<>();
    final List<Nudge> nudges = new CopyOnWriteArrayList<>();
    private final AtomicInteger ts = new AtomicInteger();

    @Override
    public Optional<AlertEpisode.Message> post(AlertEpisode episode, ChannelRef channel) {
        posts.add(new Post(episode, channel));
        return Optional.of(new AlertEpisode.Message("C-" + channel.text().replace("#", ""),
                "1700000000." + ts.incrementAndGet()));
    }

    @Override
    public void update(AlertEpisode episode) {
        updates.add(episode);
    }

    @Override
    public void nudge(AlertEpisode episode, List<ApproverRef> who) {
        nudges.add(new Nudge(episode, who));
    }

    AlertEpisode lastUpdate() {
        return updates.get(updates.size() - 1);
    }
}
