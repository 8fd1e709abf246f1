package dev.flightdeck.testing;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * A failure FakeSlack serves instead of the real answer, queued per method with
 * {@link FakeSlack#failNext(String, Fault)}. A faulted call changes no state and is still recorded.
 */
public sealed interface Fault {

    /** HTTP 429, {@code Retry-After: <seconds, rounded up>}, body {@code {"ok":false,"error":"ratelimited"}}. */
    record RateLimited(Duration retryAfter) implements Fault {}

    /** HTTP 200 with {@code {"ok":false,"error":"<error>"}}, e.g. name_taken, not_in_channel. */
    record Error(String error) implements Fault {}

    /** The given HTTP status (e.g. 503) with {@code {"ok":false,"error":"http_<status>"}}. */
    record HttpStatus(int status) implements Fault {}

    /** Closes the connection without answering: the client sees an IOException. */
    record Disconnect() implements Fault {}

    /** Answers normally, but only after the delay (a slow Slack). */
    record Delay(Duration delay) implements Fault {}

    /** The same fault for the next n calls. */
    record Times(int n, Fault fault) implements Fault {
        public Times {
            if (n < 1) throw new IllegalArgumentException("n must be >= 1");
            if (fault instanceof Times) throw new IllegalArgumentException("nested Times");
        }
    }

    static Fault rateLimited(Duration retryAfter) { return new RateLimited(retryAfter); }
    static Fault error(String error) { return new Error(error); }
    static Fault httpStatus(int status) { return new HttpStatus(status); }
    static Fault disconnect() { return new Disconnect(); }
    static Fault delay(Duration delay) { return new Delay(delay); }
    static Fault times(int n, Fault fault) { return new Times(n, fault); }

    /** The single faults this one stands for, in order. */
    default List<Fault> expand() {
        return this instanceof Times t ? Collections.nCopies(t.n(), t.fault()) : List.of(this);
    }
}
