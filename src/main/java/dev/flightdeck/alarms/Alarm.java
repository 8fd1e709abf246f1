package dev.flightdeck.alarms;

import java.time.Instant;
import java.util.Objects;

/** A CloudWatch alarm as people see it: which, in what state since when, and why. */
public record Alarm(String name, Kind kind, State state, String reason, Instant since) {

    public enum Kind { METRIC, COMPOSITE }

    public enum State {
        OK, ALARM, INSUFFICIENT_DATA;

        /** Only ALARM blocks a deploy; INSUFFICIENT_DATA is shown (it may hide a problem) but does not. */
        public boolean firing() {
            return this == ALARM;
        }
    }

    public Alarm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }
}
