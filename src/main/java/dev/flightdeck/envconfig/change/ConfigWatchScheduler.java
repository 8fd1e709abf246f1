package dev.flightdeck.envconfig.change;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.envconfig.ConfigReader;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.wake.Waker;
import io.micronaut.context.annotation.Value;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The scan, for where no AWS events are wired (and for what an event missed): every {@code config-watch} (5 minutes
 * by default) each changeable service's configuration is read in each environment and handed to {@link ConfigWatch},
 * which records a key's first sighting silently and announces a newer version. Every replica scans on its own beat;
 * the history's unique (service, environment, key, version) makes a second replica's sighting of the same change a
 * no-op, so it is announced once without a claim. AWS is read outside any database transaction. Tests move the clock
 * and call {@link #runDue()}.
 */
@Singleton
@Requires(beans = ConfigWatch.class)
public class ConfigWatchScheduler implements BackgroundJob {

    /** The waker's topic. */
    public static final String TOPIC = "config-watch";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatchScheduler.class);

    private final WatchedPlaces places;
    private final ConfigReader reader;
    private final ConfigWatch watch;
    private final Clock clock;
    private final Duration every;
    private Instant nextPass;

    public ConfigWatchScheduler(WatchedPlaces places, ConfigReader reader, ConfigWatch watch, TeamConfig team,
                                Clock clock) {
        this.places = places;
        this.reader = reader;
        this.watch = watch;
        this.clock = clock;
        this.every = team.configWatch();
        this.nextPass = clock.instant();
    }

    /** {@code flightdeck.config-change.wake: false} (test apps that move the clock) leaves the waker off, as for changes. */
    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.config-change.wake:true}") boolean wake) {
        if (!wake || places.all().isEmpty()) {
            return; // no service allows changes: nothing to watch
        }
        wakeups.start(TOPIC, Waker.Job.of(() -> Optional.of(dueAt()), this::runDue), every);
    }

    /** Scans if a pass is due (one per {@code config-watch}); returns how many outside changes it announced. */
    public synchronized int runDue() {
        Instant now = clock.instant();
        // A clock set back (by hand, or by a test) must not silence the watch for the difference.
        if (now.isBefore(nextPass) && !nextPass.isAfter(now.plus(every))) {
            return 0;
        }
        nextPass = now.plus(every);
        int announced = 0;
        for (WatchedPlaces.Place place : places.all()) {
            try {
                announced += watch.scanned(reader.read(place.service(), place.environment()));
            } catch (ConfigSourceException e) {
                LOG.warn("config watch: {} in {} could not be read: {}", place.service(), place.environment(), e.getMessage());
            } catch (RuntimeException e) {
                // One service's trouble must not stop the others; the next pass tries again.
                LOG.warn("config watch: scanning {} in {} failed", place.service(), place.environment(), e);
            }
        }
        return announced;
    }

    private synchronized Instant dueAt() {
        return nextPass;
    }
}
