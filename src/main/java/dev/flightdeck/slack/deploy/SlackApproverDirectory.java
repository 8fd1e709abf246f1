package dev.flightdeck.slack.deploy;

import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.model.Usergroup;
import dev.flightdeck.deploy.ApproverDirectory;
import dev.flightdeck.slack.api.SlackGateway;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * User-group members from Slack ({@code usergroups.list} for handle → id, {@code usergroups.users.list} for the
 * members), cached for {@code flightdeck.deploy.usergroup-cache} (default 5 minutes). When Slack cannot answer, a
 * stale answer is used if there is one; otherwise the caller is told, and refuses rather than guesses. Callers missing
 * the cache at once share one call ({@link SingleFlight}): with a Slack answering in 150 ms, 20 deploy requests a
 * second on a cold cache had made 16 usergroups.list calls.
 */
@Singleton
public class SlackApproverDirectory implements ApproverDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApproverDirectory.class);

    private record Cached<T>(T value, Instant at) {
    }

    private final SlackGateway gateway;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached<Set<String>>> members = new ConcurrentHashMap<>();
    private volatile Cached<Map<String, String>> groupIds;
    private final SingleFlight<String, Set<String>> memberLookups = new SingleFlight<>();
    private final SingleFlight<Boolean, Map<String, String>> groupListings = new SingleFlight<>();

    public SlackApproverDirectory(SlackGateway gateway, Clock clock,
                                  @Value("${flightdeck.deploy.usergroup-cache:5m}") Duration ttl) {
        this.gateway = gateway;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Set<String> members(String handle) {
        Cached<Set<String>> cached = members.get(handle);
        if (fresh(cached)) {
            return cached.value();
        }
        try {
            return memberLookups.get(handle, () -> lookUp(handle));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new DirectoryUnavailable("Slack did not list the members of @" + handle, e);
        }
    }

    private Set<String> lookUp(String handle) {
        Cached<Set<String>> cached = members.get(handle);
        if (fresh(cached)) {
            return cached.value(); // looked up by callers just before this one
        }
        try {
            Optional<String> id = groupId(handle);
            if (id.isEmpty()) {
                LOG.warn("approver group @{} does not exist in Slack; nobody approves through it", handle);
                return Set.of();
            }
            UsergroupsUsersListResponse response = gateway.call("usergroups.users.list",
                    c -> c.usergroupsUsersList(r -> r.usergroup(id.get()))).get(10, TimeUnit.SECONDS);
            if (!response.isOk()) {
                throw new IllegalStateException("usergroups.users.list: " + response.getError());
            }
            Set<String> users = Set.copyOf(response.getUsers());
            members.put(handle, new Cached<>(users, clock.instant()));
            return users;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (cached != null) {
                LOG.warn("could not refresh members of @{}; using the list from {}", handle, cached.at());
                return cached.value();
            }
            throw new DirectoryUnavailable("Slack did not list the members of @" + handle, e);
        }
    }

    /** How to mention the group so its members are notified, e.g. {@code <!subteam^S123>}; the handle if unknown. */
    public String mention(String handle) {
        try {
            return groupId(handle).map(id -> "<!subteam^" + id + ">").orElse("@" + handle);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "@" + handle;
        }
    }

    private Optional<String> groupId(String handle) throws Exception {
        Cached<Map<String, String>> ids = groupIds;
        if (fresh(ids) && ids.value().containsKey(handle)) {
            return Optional.of(ids.value().get(handle));
        }
        return Optional.ofNullable(groupListings.get(true, this::listGroups).get(handle));
    }

    /** Every group's id by handle, as Slack lists them now; the last list when Slack refuses, if there is one. */
    private Map<String, String> listGroups() throws Exception {
        Cached<Map<String, String>> ids = groupIds;
        UsergroupsListResponse response = gateway.call("usergroups.list", c -> c.usergroupsList(r -> r))
                .get(10, TimeUnit.SECONDS);
        if (!response.isOk()) {
            if (ids != null) {
                return ids.value();
            }
            throw new IllegalStateException("usergroups.list: " + response.getError());
        }
        Map<String, String> byHandle = new HashMap<>();
        for (Usergroup g : response.getUsergroups()) {
            byHandle.put(g.getHandle(), g.getId());
        }
        groupIds = new Cached<>(Map.copyOf(byHandle), clock.instant());
        return byHandle;
    }

    private boolean fresh(Cached<?> cached) {
        return cached != null && cached.at().plus(ttl).isAfter(clock.instant());
    }
}
