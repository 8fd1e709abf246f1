package dev.flightdeck.incident.paging;

import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /incident oncall [target]}: who is on call now, per target, with each person's Slack user when the team
 * file's {@code people:} maps their e-mail. Answers are kept {@value #CACHE_MINUTES} minutes by the service's clock
 * (a failure is not kept: the next ask tries again).
 */
@Singleton
public class Oncalls {

    static final long CACHE_MINUTES = 5;
    public static final Duration CACHE = Duration.ofMinutes(CACHE_MINUTES);

    /** One person on call, with their Slack user when known. */
    public record Person(String name, Optional<String> email, int level, Optional<String> slackUser) {
    }

    /** One target's answer: the people, or why there are none to show. */
    public record TargetAnswer(OncallTarget target, OncallLookup.Answer answer, List<Person> people, Instant asOf) {
    }

    /** What {@code /incident oncall} shows. */
    public sealed interface Result {
        record Shown(List<TargetAnswer> targets) implements Result {
        }

        record UnknownTarget(String name, List<String> known) implements Result {
        }
    }

    private record Cached(OncallLookup.Answer answer, Instant at) {
    }

    private final OncallLookup lookup;
    private final TeamConfig team;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public Oncalls(OncallLookup lookup, TeamConfig team, Clock clock) {
        this.lookup = lookup;
        this.team = team;
        this.clock = clock;
    }

    /** Every target (none named), or the one named. */
    public Result whoIsOnCall(Optional<String> targetName) {
        List<OncallTarget> targets;
        if (targetName.isPresent()) {
            Optional<OncallTarget> t = team.incidents().oncallTarget(targetName.get());
            if (t.isEmpty()) {
                return new Result.UnknownTarget(targetName.get(), List.copyOf(team.incidents().oncall().keySet()));
            }
            targets = List.of(t.get());
        } else {
            targets = List.copyOf(team.incidents().oncall().values());
        }
        List<TargetAnswer> out = new ArrayList<>();
        for (OncallTarget t : targets) {
            Cached c = answer(t);
            List<Person> people = c.answer() instanceof OncallLookup.Answer.People p
                    ? p.people().stream().map(this::person).toList() : List.of();
            out.add(new TargetAnswer(t, c.answer(), people, c.at()));
        }
        return new Result.Shown(out);
    }

    private Cached answer(OncallTarget t) {
        Instant now = clock.instant();
        Cached c = cache.get(t.name());
        if (c != null && now.isBefore(c.at().plus(CACHE)) && !now.isBefore(c.at())) {
            return c;
        }
        Cached fresh = new Cached(lookup.onCall(t), now);
        if (!(fresh.answer() instanceof OncallLookup.Answer.Failed)) {
            cache.put(t.name(), fresh);
        }
        return fresh;
    }

    private Person person(OncallLookup.OnCall o) {
        Optional<String> slack = o.email().flatMap(team::slackUserFor).or(() -> team.slackUserFor(o.name()));
        return new Person(o.name(), o.email(), o.level(), slack);
    }
}
