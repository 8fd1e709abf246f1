package dev.flightdeck.envconfig.change;

import dev.flightdeck.envconfig.ConfigCheckReport;

import java.util.Objects;
import java.util.Optional;

/**
 * What the environment's channel hears when a value changed outside Flightdeck (port; the Slack adapter chooses every
 * word). Told once per change: only the replica whose {@link ConfigHistory#record} wrote the row tells it.
 */
public interface ConfigWatchNews {

    void changedOutside(OutsideNews news);

    /**
     * @param actor    who AWS says changed it (an IAM ARN or user name), "" when it did not say
     * @param newValue the new value, only for a plain key (never a secret's)
     * @param rules    the service's rules in that environment, run again at once
     */
    record OutsideNews(String service, String environment, String key, String actor, String oldVersion,
                       String newVersion, boolean secret, Optional<String> newValue, String oldFingerprint,
                       String newFingerprint, Rules rules) {

        public OutsideNews {
            Objects.requireNonNull(rules, "rules");
            if (secret && newValue.isPresent()) {
                throw new IllegalArgumentException("a secret's value is never told: " + key);
            }
        }

        /** The key is gone: there is no new value, version or fingerprint. */
        public boolean removed() {
            return newFingerprint.isEmpty();
        }

        @Override
        public String toString() {
            return "OutsideNews[" + service + "/" + environment + "/" + key + " v" + oldVersion + " -> v" + newVersion
                    + ", fp " + oldFingerprint + " -> " + newFingerprint + "]";
        }
    }

    /** The rules run again: their report, or why the configuration could not be read to run them. */
    sealed interface Rules {
        record Checked(ConfigCheckReport report) implements Rules {
        }

        record NotRun(String reason) implements Rules {
        }
    }
}
