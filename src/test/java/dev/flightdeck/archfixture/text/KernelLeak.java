package dev.flightdeck.archfixture.text;

import dev.flightdeck.archfixture.slack.SlackThing;

/** Breaks the kernel rule on purpose: a shared text helper reaching into an adapter. */
public class KernelLeak {
    public String leak() {
        return new SlackThing().toString();
    }
}
