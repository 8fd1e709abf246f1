package dev.flightdeck.incident.fakes;

import dev.flightdeck.deploy.ApproverDirectory;
import dev.flightdeck.people.PeopleDirectory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The workspace's people in memory: their names (for pages and drafts) and who is in which user group. */
public final class FakePeople implements PeopleDirectory, ApproverDirectory {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Set<String>> groups = new HashMap<>();

    public FakePeople named(String userId, String name) {
        names.put(userId, name);
        return this;
    }

    public FakePeople inGroup(String handle, String userId) {
        groups.computeIfAbsent(handle, h -> new HashSet<>()).add(userId);
        return this;
    }

    @Override
    public Optional<String> nameOf(String userId) {
        return Optional.ofNullable(names.get(userId));
    }

    @Override
    public Set<String> members(String handle) {
        return Set.copyOf(groups.getOrDefault(handle, Set.of()));
    }
}
