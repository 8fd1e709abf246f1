package dev.flightdeck.envconfig;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain values that name another environment, e.g. a prod {@code EMAIL_QUEUE_URL} ending in
 * {@code commons-staging-emails}: the shape of the outage this tool exists for. The other environment's name
 * must stand as a word of its own (between non-letters), so "production" does not count as "prod".
 * Secrets can't be inspected and are never suspicious here.
 */
public final class SuspiciousValues {

    private SuspiciousValues() {
    }

    /** The other environment the value names, if any. */
    public static Optional<String> namesOtherEnvironment(ConfigEntry entry, String env, Collection<String> environments) {
        if (entry.plainValue().isEmpty()) {
            return Optional.empty();
        }
        String value = entry.plainValue().get().toLowerCase(Locale.ROOT);
        for (String other : environments) {
            if (other.equalsIgnoreCase(env)) {
                continue;
            }
            Pattern word = Pattern.compile("(?<![a-z])" + Pattern.quote(other.toLowerCase(Locale.ROOT)) + "(?![a-z])");
            if (word.matcher(value).find() && !word.matcher(env.toLowerCase(Locale.ROOT)).find()) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }
}
