package dev.flightdeck.alerts;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which team-file service and environment a monitor's alert is about. A {@code service} label or tag, and an
 * {@code env} or {@code environment} one, name them first, and must be names from the team file; what no tag names
 * is looked for in the alert's names as whole words ({@code shop-prod-5xx} is shop in prod; {@code workshop} is not
 * shop). Exactly one of each, or the alert is not posted and the answer says why.
 */
final class AlertMatcher {

    /** An alert matched to a service and environment, or why not. */
    sealed interface Match {
        record Matched(Alert alert) implements Match {
        }

        record Unmatched(String name, String why) implements Match {
        }
    }

    private AlertMatcher() {
    }

    static Match match(Reading.Reported r, TeamConfig team) {
        Optional<String> serviceTag = Optional.ofNullable(r.tags().get("service"));
        Optional<String> envTag = Optional.ofNullable(r.tags().get("env"))
                .or(() -> Optional.ofNullable(r.tags().get("environment")));
        List<String> serviceNames = team.services().keySet().stream().toList();
        List<String> envNames = team.environments().keySet().stream().toList();
        Optional<String> service;
        if (serviceTag.isPresent()) {
            service = named(serviceTag.get(), serviceNames);
            if (service.isEmpty()) {
                return new Match.Unmatched(r.name(), "its service label " + Shown.of(serviceTag.get())
                        + " is no service of the team file (" + String.join(", ", serviceNames) + ")");
            }
        } else {
            Set<String> found = found(r.names(), serviceNames);
            if (found.size() != 1) {
                return new Match.Unmatched(r.name(), found.isEmpty()
                        ? "no service matches: no service label, and its name names none of "
                        + String.join(", ", serviceNames)
                        : "its name names more than one service (" + String.join(", ", found)
                        + "): add a service label");
            }
            service = Optional.of(found.iterator().next());
        }
        Optional<String> env;
        if (envTag.isPresent()) {
            env = named(envTag.get(), envNames);
            if (env.isEmpty()) {
                return new Match.Unmatched(r.name(), "its environment label " + Shown.of(envTag.get())
                        + " is no environment of the team file (" + String.join(", ", envNames) + ")");
            }
        } else {
            Set<String> found = found(r.names(), envNames);
            if (found.size() != 1) {
                return new Match.Unmatched(r.name(), found.isEmpty()
                        ? "no environment matches for " + service.get() + ": no env label, and its name names none of "
                        + String.join(", ", envNames)
                        : "its name names more than one environment (" + String.join(", ", found)
                        + "): add an env label");
            }
            env = Optional.of(found.iterator().next());
        }
        ServiceConfig config = team.services().get(service.get());
        return new Match.Matched(new Alert(r.source(), r.key(), r.name(), service.get(), env.get(), r.state(),
                r.reason(), Optional.empty(), Optional.empty(), r.at(), r.runbook().or(config::runbook), r.link(),
                Optional.empty(), r.eventId()));
    }

    /** The team-file name a label gives, ignoring case. */
    private static Optional<String> named(String label, Collection<String> names) {
        return names.stream().filter(n -> n.equalsIgnoreCase(label.strip())).findFirst();
    }

    /** The team-file names that appear in any of the texts as whole words, in the team file's order. */
    static Set<String> found(List<String> texts, Collection<String> names) {
        List<List<String>> words = texts.stream().map(AlertMatcher::words).toList();
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            List<String> wanted = words(name);
            if (!wanted.isEmpty() && words.stream().anyMatch(w -> Collections.indexOfSubList(w, wanted) >= 0)) {
                out.add(name);
            }
        }
        return out;
    }

    private static List<String> words(String text) {
        return new ArrayList<>(Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList());
    }
}
