package dev.flightdeck.archfixture.text;

/** A stand-in for the mrkdwn escaping kit, for ArchitectureRulesAreLiveTest. */
public final class Mrkdwn {

    public static String escape(String plain) {
        return plain.replace("<", "&lt;");
    }
}
