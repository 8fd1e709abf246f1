package dev.flightdeck.deploy.fakes;

import dev.flightdeck.deploy.ApproverDirectory;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** User groups by handle; {@link #unavailable()} makes every lookup fail as when Slack cannot answer. */
public final class FakeApproverDirectory implements ApproverDirectory {

    private final Map<String, Set<String>> groups = new HashMap<>();
    private boolean unavailable;

    public FakeApproverDirectory group(String handle, String... members) {
        groups.put(handle, Set.of(members));
        return this;
    }

    public void unavailable() {
        this.unavailable = true;
    }

    @Override
    public Set<String> members(String handle) {
        if (unavailable) {
            throw new DirectoryUnavailable("usergroups.users.list: ratelimited", null);
        }
        return groups.getOrDefault(handle, Set.of());
    }
}
