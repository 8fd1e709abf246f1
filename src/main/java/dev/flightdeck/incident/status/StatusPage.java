package dev.flightdeck.incident.status;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The status page's question: how are the services, and what has been published. A service's state comes from the
 * open incidents that name it (the worst wins, {@link ServiceState#of}); an incident names a service when the service's
 * team-file name is a whole word (ignoring case) of its title or of one of its public updates, or when it was declared
 * from (or took on its timeline) an alert of that service ({@link LinkedServices}). The title is read, never shown.
 * Incidents are listed only once something about them is published; resolved ones for {@link #RECENT} after they end.
 */
@Singleton
public class StatusPage {

    public static final Duration RECENT = Duration.ofDays(14);
    /** How far back the resolved incidents are looked for by start: one that lasted longer is not listed. */
    private static final Duration LOOK_BACK = Duration.ofDays(90);
    private static final int LIMIT = 500;

    private final IncidentRepository incidents;
    private final PublicUpdates published;
    private final List<LinkedServices> links;
    private final TeamConfig team;
    private final Clock clock;

    public StatusPage(IncidentRepository incidents, PublicUpdates published, List<LinkedServices> links, TeamConfig team,
                      Clock clock) {
        this.incidents = incidents;
        this.published = published;
        this.links = List.copyOf(links);
        this.team = team;
        this.clock = clock;
    }

    public StatusView now() {
        Instant now = clock.instant();
        List<Incident> open = incidents.open();
        List<Incident> recent = incidents.startedBetween(now.minus(LOOK_BACK), now.plusSeconds(1), LIMIT).stream()
                .filter(i -> !i.isOpen() && i.resolvedAt().map(at -> !at.isBefore(now.minus(RECENT))).orElse(false))
                .toList();
        List<Incident> all = Stream.concat(open.stream(), recent.stream()).toList();
        Map<Long, List<PublicUpdate>> updates = new HashMap<>();
        published.of(all.stream().map(Incident::number).toList())
                .forEach(u -> updates.computeIfAbsent(u.incidentNumber(), n -> new ArrayList<>()).add(u));
        List<String> services = List.copyOf(team.services().keySet());
        Map<String, Set<String>> linked = new HashMap<>();
        links.forEach(l -> l.linked(services).forEach((id, s) -> linked.computeIfAbsent(id, k -> new java.util.HashSet<>())
                .addAll(s)));

        Map<String, ServiceState> states = new LinkedHashMap<>();
        Map<String, Instant> changed = new HashMap<>();
        services.forEach(s -> states.put(s, ServiceState.OPERATIONAL));
        List<StatusView.Shown> shown = new ArrayList<>();
        Impact overall = Impact.NONE;
        for (Incident incident : all) {
            List<PublicUpdate> its = updates.getOrDefault(incident.number(), List.of()).stream()
                    .sorted(Comparator.comparing(PublicUpdate::at).thenComparing(PublicUpdate::id).reversed()).toList();
            List<String> named = named(incident, its, services, linked.getOrDefault(incident.id(), Set.of()));
            Instant last = Stream.concat(Stream.of(incident.startedAt()), Stream.concat(incident.resolvedAt().stream(),
                    its.stream().map(PublicUpdate::at))).max(Comparator.naturalOrder()).orElse(incident.startedAt());
            for (String service : named) {
                changed.merge(service, last, (a, b) -> a.isAfter(b) ? a : b);
                if (incident.isOpen()) {
                    states.merge(service, ServiceState.of(incident.severity()), ServiceState::worse);
                }
            }
            if (its.isEmpty()) {
                continue;
            }
            Impact impact = Impact.of(incident.severity());
            if (incident.isOpen()) {
                overall = overall.worse(impact);
            }
            shown.add(new StatusView.Shown(incident.number(), incident.id(), impact, incident.status(), named,
                    incident.startedAt(), last, incident.resolvedAt(),
                    its.stream().filter(u -> u.kind() == PublicUpdate.Kind.UPDATE).toList(),
                    its.stream().filter(u -> u.kind() == PublicUpdate.Kind.SUMMARY).findFirst()));
        }
        shown.sort(Comparator.comparing(StatusView.Shown::isOpen).reversed()
                .thenComparing(Comparator.comparing(StatusView.Shown::startedAt).reversed()));
        Instant pageTime = Stream.concat(shown.stream().map(StatusView.Shown::updatedAt), changed.values().stream())
                .max(Comparator.naturalOrder()).orElse(now);
        List<StatusView.Component> components = new ArrayList<>();
        for (Map.Entry<String, ServiceState> e : states.entrySet()) {
            overall = overall.worse(e.getValue().impact());
            components.add(new StatusView.Component(e.getKey(), e.getValue(),
                    Optional.ofNullable(changed.get(e.getKey())).orElse(pageTime)));
        }
        return new StatusView(pageTime, overall, components, shown);
    }

    private static List<String> named(Incident incident, List<PublicUpdate> updates, List<String> services,
                                      Set<String> linked) {
        String words = Stream.concat(Stream.of(incident.title()), updates.stream().map(PublicUpdate::body))
                .map(t -> t.toLowerCase(Locale.ROOT)).reduce("", (a, b) -> a + "\n" + b);
        return services.stream().filter(s -> linked.contains(s) || names(words, s)).toList();
    }

    static boolean names(String lowerText, String service) {
        return Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(service.toLowerCase(Locale.ROOT))
                + "(?![\\p{Alnum}])").matcher(lowerText).find();
    }
}
