package dev.flightdeck.testing;

import java.util.List;
import java.util.Set;

/** A snapshot of a channel in FakeSlack: who is in it, its topic, its pinned message timestamps. */
public record FakeChannel(String id, String name, boolean isPrivate, String topic,
                          Set<String> members, List<String> pinnedTs) {
    public boolean hasMember(String userId) {
        return members.contains(userId);
    }
}
