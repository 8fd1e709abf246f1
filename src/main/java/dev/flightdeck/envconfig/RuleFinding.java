package dev.flightdeck.envconfig;

import java.util.List;

/**
 * What one rule found on one key, as data: the Slack answer and the deploy gate choose the words (and the markup).
 * A plain value may appear here; a secret's value never does.
 */
public sealed interface RuleFinding {

    /** {@code required}: the key is set. */
    record Present() implements RuleFinding { }

    /** {@code required}: the key is missing in {@code env}. */
    record Missing(String env) implements RuleFinding { }

    /** {@code pattern}: nothing to match, the key is not set. */
    record NothingToMatch() implements RuleFinding { }

    /** {@code pattern} on a secret: Flightdeck never looks at secret values, so the pattern is not checked. */
    record SecretNotMatched(String pattern) implements RuleFinding { }

    record Matches(String pattern) implements RuleFinding { }

    record DoesNotMatch(String env, String value, String pattern) implements RuleFinding { }

    /** {@code differ-across-environments} and {@code unique-across-services}: the key is not set. */
    record NotSet() implements RuleFinding { }

    /** {@code differ-across-environments}: the value in {@code env} is also the value in {@code environments}. */
    record SameAsInEnvironments(String env, List<String> environments) implements RuleFinding {
        public SameAsInEnvironments {
            environments = List.copyOf(environments);
        }
    }

    record DiffersFromEveryEnvironment() implements RuleFinding { }

    /** {@code unique-across-services}: other services' keys hold the same value in {@code env}. */
    record SameAsOtherServices(String env, List<ServiceKey> clashes) implements RuleFinding {
        public SameAsOtherServices {
            clashes = List.copyOf(clashes);
        }
    }

    record UniqueAmongServices(String env) implements RuleFinding { }

    /** The other environments or services that could not be read, each with why. */
    record CouldNotCompare(List<Unreadable> unreadable) implements RuleFinding {
        public CouldNotCompare {
            unreadable = List.copyOf(unreadable);
        }
    }

    /** The built-in warning: a plain value in {@code env} names another environment, {@code named}. */
    record NamesOtherEnvironment(String env, String named, String value) implements RuleFinding { }

    record ServiceKey(String service, String key) { }

    record Unreadable(String name, String reason) { }
}
