package dev.flightdeck.deploy;

/** The answer to a person's action on a deploy: done (what happened) or refused (why, and nothing changed). */
public sealed interface DeployOutcome {

    String text();

    record Done(String text, DeployRequest request) implements DeployOutcome {
    }

    record Refused(String text) implements DeployOutcome {
    }

    static DeployOutcome refused(String why) {
        return new Refused(why);
    }

    default boolean refused() {
        return this instanceof Refused;
    }
}
