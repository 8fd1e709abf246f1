package dev.flightdeck.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. Thread-safe; clocks made by
 * {@link #withZone(ZoneId)} share the same instant, so moving one moves them all.
 * Replace the production bean with {@code @Replaces(Clock.class)} on a {@code @Singleton} factory method.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** e.g. {@code MutableClock.at("2025-11-24T10:00:00Z")} */
    public static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** Starts at the current time (truncated to millis). */
    public static MutableClock now() {
        return at(Instant.ofEpochMilli(System.currentTimeMillis()));
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("time does not go back; use set()");
        return now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
