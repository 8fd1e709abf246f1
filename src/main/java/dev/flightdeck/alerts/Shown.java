package dev.flightdeck.alerts;

import dev.flightdeck.text.Texts;

/** A vendor's text as the answer to the monitor and the log repeat it: one line, at most {@link #MAX} characters. */
final class Shown {

    static final int MAX = 120;

    private Shown() {
    }

    static String of(String value) {
        return Texts.oneLine(value == null ? "" : value, MAX);
    }
}
