package dev.flightdeck.slack.command;

import dev.flightdeck.text.Closest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The team's environment and service names, to tell an environment word from a service word and to suggest the
 * name that was meant. An empty set means "not known": environments then fall back to common names (used only to
 * recognise words, never to reject one) and services are never rejected.
 */
public final class KnownNames {

    static final List<String> COMMON_ENVIRONMENTS = List.of("dev", "staging", "prod", "production", "qa", "test");

    // Versions as people type them: 5.11.2, v1.2.3-rc.1, a1b2c3d, release/2024-06. Printable, no spaces, no '<'.
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+/-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    // Words the grammar gives a meaning after a keyword, so a service cannot be called that.
    private static final Set<String> RESERVED = Set.of("to", "runner", "diff", "check");

    private final Set<String> environments;
    private final boolean environmentsConfigured;
    private final Set<String> services;

    public KnownNames(Set<String> environments, Set<String> services) {
        this.environmentsConfigured = !environments.isEmpty();
        this.environments = lowered(environmentsConfigured ? environments : Set.copyOf(COMMON_ENVIRONMENTS));
        this.services = lowered(services);
    }

    private static Set<String> lowered(Set<String> names) {
        Set<String> out = new TreeSet<>();
        names.forEach(n -> out.add(Words.lower(n.strip())));
        return out;
    }

    /** An environment word that is not also a known service. */
    public boolean isEnvironment(String word) {
        String lower = Words.lower(word);
        return environments.contains(lower) && !services.contains(lower);
    }

    public boolean isService(String word) {
        return services.contains(Words.lower(word));
    }

    public boolean servicesKnown() {
        return !services.isEmpty();
    }

    public Set<String> services() {
        return services;
    }

    public static boolean isVersion(String word) {
        return VERSION.matcher(word).matches();
    }

    /** A word that reads as a version rather than a name: it has a digit and is not an environment. */
    public boolean looksLikeVersion(String word) {
        return isVersion(word) && word.chars().anyMatch(Character::isDigit) && !isEnvironment(word)
                && !isService(word);
    }

    /** Why a word cannot be a service name, if it cannot. */
    public Optional<String> serviceProblem(String word) {
        String lower = Words.lower(word);
        if (!NAME.matcher(lower).matches()) {
            return Optional.of("`" + word + "` is not a service name.");
        }
        if (RESERVED.contains(lower)) {
            return Optional.of("`" + word + "` is a command word, not a service name.");
        }
        if (servicesKnown() && !services.contains(lower)) {
            return Optional.of("Unknown service `" + word + "`. Known services: " + String.join(", ", services) + ".");
        }
        return Optional.empty();
    }

    /** Why a word cannot be an environment name, if it cannot. */
    public Optional<String> environmentProblem(String word) {
        String lower = Words.lower(word);
        if (!NAME.matcher(lower).matches()) {
            return Optional.of("`" + word + "` is not an environment name.");
        }
        if (environmentsConfigured && !environments.contains(lower)) {
            return Optional.of("Unknown environment `" + word + "`. Known environments: "
                    + String.join(", ", environments) + ".");
        }
        return Optional.empty();
    }

    /** The known service a mistyped word most likely meant, or the placeholder. */
    public String serviceSuggestion(String word) {
        return Closest.typoOf(Words.lower(word), services).orElse("<service>");
    }

    public String environmentSuggestion(String word) {
        return Closest.typoOf(Words.lower(word), environments).orElse("<env>");
    }
}
