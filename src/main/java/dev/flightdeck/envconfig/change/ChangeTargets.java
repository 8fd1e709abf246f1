package dev.flightdeck.envconfig.change;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigReader;
import dev.flightdeck.envconfig.ConfigRules;
import dev.flightdeck.envconfig.ConfigSnapshot;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.text.Closest;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which stored value a proposal is about. A key is known for a service when its configuration holds it in any
 * environment or its rules name it; the target is where the key lives in this environment, or, for a key known
 * elsewhere but absent here, where it would live here with the same type (so a missing required key can be added).
 */
final class ChangeTargets {

    /** How many near names a refusal offers. */
    static final int CLOSEST = 3;

    sealed interface Lookup {
    }

    /** {@code snapshot}: the service's configuration in the environment as read now; {@code current}: the key's entry. */
    record Found(ServiceConfig service, EnvironmentConfig env, ConfigTarget target, ConfigSnapshot snapshot,
                 Optional<ConfigEntry> current) implements Lookup {
    }

    record Refusal(ChangeOutcome.Refused outcome) implements Lookup {
    }

    private final TeamConfig team;
    private final ConfigReader reader;

    ChangeTargets(TeamConfig team, ConfigReader reader) {
        this.team = team;
        this.reader = reader;
    }

    /** Reads AWS (this environment, and the others when the key is not here): run after the ack. */
    Lookup find(String service, String environment, String key) {
        Optional<ServiceConfig> svc = team.service(service);
        if (svc.isEmpty()) {
            return new Refusal(new ChangeOutcome.UnknownService(service, closest(service, team.services().keySet())));
        }
        Optional<EnvironmentConfig> env = team.environment(environment);
        if (env.isEmpty()) {
            return new Refusal(new ChangeOutcome.UnknownEnvironment(environment,
                    closest(environment, team.environments().keySet())));
        }
        EnvConfigSettings settings = svc.get().config();
        if (!settings.changes()) {
            return new Refusal(new ChangeOutcome.ChangesNotAllowed(service));
        }
        ConfigSnapshot here;
        try {
            here = reader.read(service, environment);
        } catch (ConfigSourceException e) {
            return new Refusal(new ChangeOutcome.SourceDown(e.getMessage()));
        }
        Optional<ConfigEntry> current = here.entry(key);
        if (current.isPresent()) {
            ConfigEntry e = current.get();
            return new Found(svc.get(), env.get(), new ConfigTarget(service, environment, key, e.source(), e.type()),
                    here, current);
        }
        Set<String> known = new TreeSet<>(here.entries().keySet());
        known.addAll(ruleKeys(settings.rules()));
        String unreadable = null;
        for (String other : team.environments().keySet()) {
            if (other.equals(environment)) {
                continue;
            }
            try {
                ConfigSnapshot there = reader.read(service, other);
                Optional<ConfigEntry> elsewhere = there.entry(key);
                if (elsewhere.isPresent()) {
                    ConfigTarget target = placed(settings, service, environment, other, elsewhere.get());
                    return new Found(svc.get(), env.get(), target, here, Optional.empty());
                }
                known.addAll(there.entries().keySet());
            } catch (ConfigSourceException e) {
                unreadable = e.getMessage();
            }
        }
        if (ruleKeys(settings.rules()).contains(key)) {
            Optional<ConfigTarget> fresh = fresh(settings, service, environment, key);
            if (fresh.isPresent()) {
                return new Found(svc.get(), env.get(), fresh.get(), here, Optional.empty());
            }
        }
        if (unreadable != null) {
            // The key may live in the environment we could not read: say that, not "unknown key".
            return new Refusal(new ChangeOutcome.SourceDown(unreadable));
        }
        return new Refusal(new ChangeOutcome.UnknownKey(service, environment, key, closest(key, known)));
    }

    /** Where a key read in {@code otherEnv} lives in {@code env}: the same type, this environment's path or secret. */
    private static ConfigTarget placed(EnvConfigSettings settings, String service, String env, String otherEnv,
                                       ConfigEntry there) {
        if (ConfigEntry.SECRET_TYPE.equals(there.type())) {
            int i = settings.secretsFor(otherEnv).indexOf(there.source());
            String secret = settings.secretsFor(env).get(Math.max(i, 0));
            return new ConfigTarget(service, env, there.key(), secret, there.type());
        }
        return new ConfigTarget(service, env, there.key(), parameter(settings, env, there.key()), there.type());
    }

    /** A key only the rules name: a plain SSM parameter where the service has a path, else a member of its first secret. */
    private static Optional<ConfigTarget> fresh(EnvConfigSettings settings, String service, String env, String key) {
        if (settings.ssmPath().isPresent()) {
            return Optional.of(new ConfigTarget(service, env, key, parameter(settings, env, key), "String"));
        }
        return settings.secretsFor(env).stream().findFirst()
                .map(secret -> new ConfigTarget(service, env, key, secret, ConfigEntry.SECRET_TYPE));
    }

    private static String parameter(EnvConfigSettings settings, String env, String key) {
        String path = settings.ssmPathFor(env).orElseThrow();
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/" + key;
    }

    static Set<String> ruleKeys(ConfigRules rules) {
        Set<String> keys = new TreeSet<>(rules.required());
        keys.addAll(rules.patterns().keySet());
        keys.addAll(rules.differAcrossEnvironments());
        keys.addAll(rules.uniqueAcrossServices());
        return keys;
    }

    /** The candidates nearest to what was typed (case aside), nearest first; ties keep the candidates' order. */
    static List<String> closest(String typed, Collection<String> candidates) {
        String word = typed.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .sorted(Comparator.comparingInt(c -> Closest.distance(word, c.toLowerCase(Locale.ROOT))))
                .limit(CLOSEST).toList();
    }
}
