package dev.flightdeck.archfixture.slack;

/** A stand-in for a Slack adapter class, for ArchitectureRulesAreLiveTest. */
public final class SlackThing {

    public static String post(String text) {
        return text;
    }
}
