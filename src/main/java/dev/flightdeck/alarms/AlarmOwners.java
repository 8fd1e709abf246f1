package dev.flightdeck.alarms;

import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Whose alarm it is: the service and environment whose alarm selector (name prefix, or tags) picks it. A selector
 * without {@code {env}} picks the alarm in every environment; then the environment named in the alarm's name (as a
 * word: {@code shop-prod-5xx} names prod) decides. Name prefixes are tried first; the alarm's tags are read only when
 * no prefix picks it and a tag selector needs them (a tag that cannot be read then fails the event, which EventBridge
 * delivers again).
 */
@Singleton
public class AlarmOwners {

    /** The one owner, or why there is none, in words for the event's 202 answer. */
    public sealed interface Owner {
        record Found(ServiceConfig service, String environment) implements Owner {
        }

        record None(String why) implements Owner {
        }
    }

    private final TeamConfig team;

    public AlarmOwners(TeamConfig team) {
        this.team = team;
    }

    public Owner of(String alarmName, Supplier<Map<String, String>> tags) {
        List<Owner.Found> found = picked(alarmName, tags, AlarmSelector.Prefix.class);
        if (found.isEmpty()) {
            found = picked(alarmName, tags, AlarmSelector.Tags.class);
        }
        if (found.size() > 1) {
            Set<String> words = Set.of(alarmName.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+"));
            List<Owner.Found> named = found.stream()
                    .filter(f -> words.contains(f.environment().toLowerCase(Locale.ROOT))).toList();
            found = named.isEmpty() ? found : named;
        }
        if (found.isEmpty()) {
            return new Owner.None("alarm " + alarmName + " belongs to no service (no alarm selector picks it)");
        }
        if (found.size() > 1) {
            return new Owner.None("alarm " + alarmName + " is picked by several services or environments ("
                    + String.join(", ", found.stream().map(f -> f.service().name() + " in " + f.environment()).toList())
                    + "): give the alarm selectors {env} or narrower prefixes");
        }
        return found.get(0);
    }

    /** Prefixes first: they need no call to AWS, and a tag that cannot be read must not hide a prefix's alarm. */
    private List<Owner.Found> picked(String alarmName, Supplier<Map<String, String>> tags,
                                     Class<? extends AlarmSelector> kind) {
        List<Owner.Found> found = new ArrayList<>();
        for (ServiceConfig s : team.services().values()) {
            for (String env : team.environments().keySet()) {
                if (s.alarmsFor(env).filter(kind::isInstance).filter(sel -> picks(sel, alarmName, tags)).isPresent()) {
                    found.add(new Owner.Found(s, env));
                }
            }
        }
        return found;
    }

    private static boolean picks(AlarmSelector selector, String alarmName, Supplier<Map<String, String>> tags) {
        if (selector instanceof AlarmSelector.Prefix p) {
            return alarmName.startsWith(p.prefix());
        }
        Map<String, String> have = tags.get();
        return ((AlarmSelector.Tags) selector).tags().entrySet().stream()
                .allMatch(t -> t.getValue().equals(have.get(t.getKey())));
    }
}
