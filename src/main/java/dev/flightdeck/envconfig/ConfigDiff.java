package dev.flightdeck.envconfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * How a service's configuration differs between two environments ({@code /deploy config diff}).
 * Secrets are compared by fingerprint only.
 */
public record ConfigDiff(String service, String envA, String envB,
                         List<String> onlyInA, List<String> onlyInB,
                         List<Differing> differing, List<SecretComparison> secrets,
                         List<Suspicious> suspicious, int samePlain, List<String> problems) {

    /** A plain key whose values differ (or that is plain on one side and secret on the other). */
    public record Differing(String key, ConfigEntry a, ConfigEntry b) {
    }

    /** A key that is secret on both sides: whether the fingerprints match. */
    public record SecretComparison(String key, String fingerprintA, String fingerprintB) {
        public boolean same() {
            return fingerprintA.equals(fingerprintB);
        }
    }

    /** A plain value in {@code env} that names {@code namedEnv}. */
    public record Suspicious(String key, String env, String namedEnv, String value) {
    }

    public ConfigDiff {
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
        differing = List.copyOf(differing);
        secrets = List.copyOf(secrets);
        suspicious = List.copyOf(suspicious);
        problems = List.copyOf(problems);
    }

    public static ConfigDiff between(ConfigSnapshot a, ConfigSnapshot b, Collection<String> environments) {
        List<String> onlyInA = new ArrayList<>();
        List<String> onlyInB = new ArrayList<>();
        List<Differing> differing = new ArrayList<>();
        List<SecretComparison> secrets = new ArrayList<>();
        int samePlain = 0;
        TreeSet<String> keys = new TreeSet<>(a.entries().keySet());
        keys.addAll(b.entries().keySet());
        for (String key : keys) {
            ConfigEntry ea = a.entries().get(key);
            ConfigEntry eb = b.entries().get(key);
            if (eb == null) {
                onlyInA.add(key);
            } else if (ea == null) {
                onlyInB.add(key);
            } else if (ea.isSecret() && eb.isSecret()) {
                secrets.add(new SecretComparison(key, ea.fingerprint(), eb.fingerprint()));
            } else if (ea.isSecret() != eb.isSecret() || !ea.sameValueAs(eb)) {
                differing.add(new Differing(key, ea, eb));
            } else {
                samePlain++;
            }
        }
        List<Suspicious> suspicious = new ArrayList<>();
        for (ConfigSnapshot side : List.of(a, b)) {
            for (ConfigEntry entry : side.entries().values()) {
                SuspiciousValues.namesOtherEnvironment(entry, side.env(), environments).ifPresent(named ->
                        suspicious.add(new Suspicious(entry.key(), side.env(), named, entry.plainValue().orElseThrow())));
            }
        }
        List<String> problems = new ArrayList<>();
        a.problems().forEach(p -> problems.add(a.env() + ": " + p));
        b.problems().forEach(p -> problems.add(b.env() + ": " + p));
        return new ConfigDiff(a.service(), a.env(), b.env(), onlyInA, onlyInB, differing, secrets, suspicious,
                samePlain, problems);
    }

    public boolean identical() {
        return onlyInA.isEmpty() && onlyInB.isEmpty() && differing.isEmpty()
                && secrets.stream().allMatch(SecretComparison::same);
    }
}
