package dev.flightdeck.slack.api;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.flightdeck.people.PeopleDirectory;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.edge.SlackSettings;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Names from Slack's {@code users.info} (scope users:read), cached for {@code flightdeck.slack.names-cache}
 * (default 1h: people rarely rename themselves, and a page lists the same few people again and again).
 * A page waits at most {@code flightdeck.slack.names-wait} (default 3s) for Slack; what is not back by then shows
 * as an id this time and is cached for the next view when it arrives. When Slack fails, the last name known is
 * kept; without one the id is shown, and Slack is asked again after a minute, not on every view.
 */
@Singleton
public class SlackPeopleDirectory implements PeopleDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SlackPeopleDirectory.class);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    /** {@code name} empty: Slack does not know the id, or could not say. */
    private record Cached(Optional<String> name, Instant until) {
    }

    private final SlackGateway gateway;
    private final boolean configured;
    private final Clock clock;
    private final Duration ttl;
    private final Duration wait;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<String>>> inFlight = new ConcurrentHashMap<>();
    private volatile Instant lastWarning = Instant.EPOCH;

    public SlackPeopleDirectory(SlackGateway gateway, SlackSettings settings, Clock clock,
                                @Value("${flightdeck.slack.names-cache:1h}") Duration ttl,
                                @Value("${flightdeck.slack.names-wait:3s}") Duration wait) {
        this.gateway = gateway;
        this.configured = settings.botToken() != null && !settings.botToken().isBlank();
        this.clock = clock;
        this.ttl = ttl;
        this.wait = wait;
    }

    @Override
    public Optional<String> nameOf(String userId) {
        return Optional.ofNullable(namesOf(java.util.List.of(userId)).get(userId));
    }

    @Override
    public Map<String, String> namesOf(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (!configured) {
            return names;
        }
        Instant now = clock.instant();
        Map<String, CompletableFuture<Optional<String>>> asked = new LinkedHashMap<>();
        for (String id : userIds) {
            Cached c = cache.get(id);
            if (c != null && c.until().isAfter(now)) {
                c.name().ifPresent(n -> names.put(id, n));
            } else {
                asked.put(id, lookup(id));
            }
        }
        if (asked.isEmpty()) {
            return names;
        }
        try {
            CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Not all back in time: those show as ids (or their last known name) this once.
        }
        asked.forEach((id, answer) -> {
            Optional<String> name = answer.isDone() && !answer.isCompletedExceptionally() ? answer.join() : Optional.empty();
            name.or(() -> Optional.ofNullable(cache.get(id)).flatMap(Cached::name)).ifPresent(n -> names.put(id, n));
        });
        return names;
    }

    /** One users.info per id at a time, however many pages want it. */
    private CompletableFuture<Optional<String>> lookup(String id) {
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<String>> running = inFlight.putIfAbsent(id, mine);
        if (running != null) {
            return running;
        }
        ask(id).whenComplete((name, e) -> {
            inFlight.remove(id, mine);
            if (e == null) {
                mine.complete(name);
            } else {
                mine.completeExceptionally(e);
            }
        });
        return mine;
    }

    private CompletableFuture<Optional<String>> ask(String id) {
        return gateway.call("users.info", c -> c.usersInfo(r -> r.user(id)))
                .handle((response, failure) -> {
                    Instant now = clock.instant();
                    Optional<String> previous = Optional.ofNullable(cache.get(id)).flatMap(Cached::name);
                    if (failure == null && response.isOk()) {
                        Optional<String> name = name(response.getUser());
                        cache.put(id, new Cached(name, now.plus(ttl)));
                        return name;
                    }
                    if (failure == null && "user_not_found".equals(response.getError())) {
                        cache.put(id, new Cached(Optional.empty(), now.plus(ttl)));
                        return Optional.<String>empty();
                    }
                    warn(failure == null ? response.getError() : failure.getMessage());
                    cache.put(id, new Cached(previous, now.plus(RETRY_AFTER_FAILURE)));
                    return previous;
                });
    }

    /** Slack's own order: the display name people chose, else their full name, else the user name. */
    static Optional<String> name(User user) {
        if (user == null) {
            return Optional.empty();
        }
        String display = user.getProfile() == null ? null : user.getProfile().getDisplayName();
        String real = user.getProfile() != null && present(user.getProfile().getRealName())
                ? user.getProfile().getRealName() : user.getRealName();
        for (String candidate : new String[]{display, real, user.getName()}) {
            if (present(candidate)) {
                return Optional.of(candidate.strip());
            }
        }
        return Optional.empty();
    }

    /** One line a minute at most: a page of fifty people must not write fifty lines when Slack is down. */
    private void warn(String problem) {
        Instant now = clock.instant();
        if (lastWarning.plus(RETRY_AFTER_FAILURE).isBefore(now)) {
            lastWarning = now;
            LOG.warn("Slack users.info failed ({}); pages show user ids until it answers", problem);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
