package dev.flightdeck.alarms;

import dev.flightdeck.alarms.AlarmSelector;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code /deploy alarms [service] [env]} and the alarms gate: one query, the same for both. */
@Singleton
public class AlarmService {

    private final TeamConfig team;
    private final AlarmSource source;

    public AlarmService(TeamConfig team, AlarmSource source) {
        this.team = team;
        this.source = source;
    }

    /** Services with an alarm selector (all, or the one named), in the environments asked (all, or one). */
    public List<AlarmGroup> notOk(Optional<String> service, Optional<String> env) {
        List<AlarmGroup> groups = new ArrayList<>();
        for (ServiceConfig s : team.services().values()) {
            if (service.isPresent() && !service.get().equals(s.name()) || s.alarms().isEmpty()) {
                continue;
            }
            // A selector without {env} stands for every environment: ask once, not once per environment.
            Map<AlarmSelector, List<String>> bySelector = new LinkedHashMap<>();
            for (String e : env.map(List::of).orElseGet(() -> List.copyOf(team.environments().keySet()))) {
                bySelector.computeIfAbsent(s.alarmsFor(e).orElseThrow(), k -> new ArrayList<>()).add(e);
            }
            bySelector.forEach((selector, envs) -> groups.add(query(s.name(), envs, selector)));
        }
        return groups;
    }

    /** The group for one service in one environment; empty when the service has no alarm selector. */
    public Optional<AlarmGroup> notOk(String service, String env) {
        return team.service(service).flatMap(s -> s.alarmsFor(env)).map(sel -> query(service, List.of(env), sel));
    }

    private AlarmGroup query(String service, List<String> envs, AlarmSelector selector) {
        try {
            List<Alarm> alarms = source.notOk(selector).stream()
                    .sorted(Comparator.comparing((Alarm a) -> !a.state().firing()).thenComparing(Alarm::name))
                    .toList();
            return new AlarmGroup(service, envs, describe(selector), alarms, Optional.empty());
        } catch (AlarmSourceException e) {
            return new AlarmGroup(service, envs, describe(selector), List.of(), Optional.of(e.getMessage()));
        }
    }

    public static String describe(AlarmSelector selector) {
        if (selector instanceof AlarmSelector.Prefix p) {
            return "name prefix `" + p.prefix() + "`";
        }
        var tags = new TreeMap<>(((AlarmSelector.Tags) selector).tags());
        return "tags " + tags.entrySet().stream().map(t -> "`" + t.getKey() + "=" + t.getValue() + "`")
                .collect(Collectors.joining(", "));
    }
}
