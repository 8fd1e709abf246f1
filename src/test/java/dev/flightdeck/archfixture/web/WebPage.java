package dev.flightdeck.archfixture.web;

import dev.flightdeck.archfixture.slack.SlackThing;

/** A deliberate violation, for ArchitectureRulesAreLiveTest: one adapter calling another directly. */
public final class WebPage {

    public String show() {
        return SlackThing.post("page shown");
    }
}
