package dev.flightdeck.deploy;

import java.time.Instant;

/** Remembers which foreign builds were announced (port; the database makes it hold across replicas). */
public interface AnnouncedBuilds {

    /** True only for the first caller with this key, on any replica. */
    boolean firstTime(String key, Instant at);
}
