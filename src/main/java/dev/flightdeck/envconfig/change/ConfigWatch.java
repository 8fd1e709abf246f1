package dev.flightdeck.envconfig.change;

import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.ConfigReader;
import dev.flightdeck.envconfig.ConfigSnapshot;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.EnvConfigService;
import dev.flightdeck.incident.IncidentTimeline;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Changes made outside Flightdeck, from AWS's events ({@link #reported}) and from the scan ({@link #scanned}): each
 * stored version of a key is compared with the last one recorded. A version already recorded (Flightdeck's own
 * write, or seen before by either path or another replica) or of a key whose change is being applied is not news.
 * Otherwise it is recorded as an outside change, and only the caller whose record wrote the row announces it, with the
 * service's rules run again at once, and puts it on an open incident's timeline.
 */
@Singleton
@Requires(beans = ConfigHistory.class)
public class ConfigWatch implements ConfigWatchEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatch.class);

    private final WatchedPlaces places;
    private final ConfigReader reader;
    private final EnvConfigService rules;
    private final ConfigHistory history;
    private final Optional<ConfigChangeRepository> requests;
    private final ConfigWatchNews news;
    private final IncidentTimeline timeline;
    private final ExecutorService pool;
    private final Clock clock;

    /**
     * @param requests the change requests, to leave alone a key whose write is under way (absent in a build without
     *                 the change flow: then nothing is ever APPLYING)
     */
    public ConfigWatch(WatchedPlaces places, ConfigReader reader, EnvConfigService rules, ConfigHistory history,
                       Optional<ConfigChangeRepository> requests, ConfigWatchNews news, IncidentTimeline timeline,
                       @Named(TaskExecutors.BLOCKING) ExecutorService pool, Clock clock) {
        this.places = places;
        this.reader = reader;
        this.rules = rules;
        this.history = history;
        this.requests = requests;
        this.news = news;
        this.timeline = timeline;
        this.pool = pool;
        this.clock = clock;
    }

    /** The events route must answer quickly: AWS is read on another thread. */
    @Override
    public void reported(OutsideChange change) {
        try {
            pool.execute(() -> {
                try {
                    seen(change);
                } catch (RuntimeException e) {
                    // The next scan finds what this missed.
                    LOG.warn("config watch: event {} could not be handled; the scan will look again", change.eventId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("config watch: event {} not handled (shutting down); the scan will look again", change.eventId());
        }
    }

    /** Handles a reported change now; returns how many changes it announced. */
    public int seen(OutsideChange change) {
        int announced = 0;
        for (WatchedPlaces.Place place : places.of(change)) {
            ConfigSnapshot snapshot;
            try {
                snapshot = reader.read(place.service(), place.environment());
            } catch (ConfigSourceException e) {
                LOG.warn("config watch: {} in {} could not be read: {}", place.service(), place.environment(), e.getMessage());
                continue;
            }
            List<ConfigEntry> entries = snapshot.entries().values().stream()
                    .filter(e -> e.source() != null && e.source().equals(place.source())).toList();
            // The event says this parameter (or this secret) changed; which member of a JSON secret did, only a
            // recorded fingerprint can tell. A member never seen before is taken as changed only when it is alone.
            boolean firstSightingIsChange = change.store() == OutsideChange.Store.SSM || entries.size() == 1;
            announced += notice(place.service(), place.environment(), entries, e -> change.actor(), firstSightingIsChange,
                    snapshot, change.actor());
        }
        return announced;
    }

    /** What the scan read of one service in one environment; the first sighting of a key is its baseline. */
    public int scanned(ConfigSnapshot snapshot) {
        return notice(snapshot.service(), snapshot.env(), List.copyOf(snapshot.entries().values()),
                e -> e.lastModifiedBy().orElse(""), false, snapshot, "");
    }

    /**
     * A change is recorded at the time Flightdeck saw it, not AWS's LastModifiedDate or the event's time: those are
     * another machine's clock, and a deploy compares the history with its own times ("since the last deploy started"),
     * so a change seen after that start is listed even when AWS's clock runs a little behind.
     */
    private int notice(String service, String env, List<ConfigEntry> entries,
                       java.util.function.Function<ConfigEntry, String> actor, boolean firstSightingIsChange,
                       ConfigSnapshot whole, String removedBy) {
        List<Noticed> recorded = new ArrayList<>();
        Instant at = clock.instant();
        for (ConfigEntry entry : entries) {
            decide(service, env, entry, actor.apply(entry), at, firstSightingIsChange)
                    .ifPresent(event -> recorded.add(new Noticed(event, entry.isSecret(), entry.plainValue())));
        }
        removals(service, env, whole, removedBy, at).forEach(event -> recorded.add(new Noticed(event, true, Optional.empty())));
        if (recorded.isEmpty()) {
            return 0;
        }
        ConfigWatchNews.Rules checked = checkRules(service, env);
        for (Noticed n : recorded) {
            ConfigEvent e = n.event();
            news.changedOutside(new ConfigWatchNews.OutsideNews(service, env, e.key(), e.actor(), e.oldVersion(),
                    e.newVersion(), n.secret(), n.value(), e.oldFingerprint(),
                    e.newFingerprint(), checked));
            timeline.recordConfigChange(service, env, e.key(), e.oldVersion(), e.newVersion(), e.actor(), true, e.at());
        }
        return recorded.size();
    }

    /** The change to announce, once it is recorded here; empty when it is no news (or another caller recorded it). */
    private Optional<ConfigEvent> decide(String service, String env, ConfigEntry entry, String actor, Instant at,
                                         boolean firstSightingIsChange) {
        Optional<ConfigEvent> last = history.latest(service, env, entry.key());
        if (last.isPresent() && last.get().newVersion().equals(entry.version())) {
            return Optional.empty();
        }
        if (history.known(service, env, entry.key(), entry.version())) {
            return Optional.empty();
        }
        ConfigEvent event = new ConfigEvent(service, env, entry.key(), at, actor, true,
                last.map(ConfigEvent::newVersion).orElse(""), entry.version(),
                last.map(ConfigEvent::newFingerprint).orElse(""), entry.fingerprint(), Optional.empty());
        boolean sameValue = last.isPresent() && ConfigEntry.SECRET_TYPE.equals(entry.type())
                && last.get().newFingerprint().equals(entry.fingerprint());
        if ((last.isEmpty() && !firstSightingIsChange) || sameValue) {
            // A first sighting, or a new version of a JSON secret that left this member as it was: remembered, not news.
            history.baseline(event);
            return Optional.empty();
        }
        if (requests.flatMap(r -> r.applying(service, env, entry.key())).isPresent()) {
            // Flightdeck is writing this key: its own change is recorded by the flow (and then known here).
            return Optional.empty();
        }
        return history.record(event) ? Optional.of(event) : Optional.empty();
    }

    /**
     * Keys the history last saw with a value that the store no longer holds: removed outside Flightdeck (Flightdeck's
     * own unset is recorded as a removal by the flow, so it is not news here). Recorded once, like a change.
     */
    private List<ConfigEvent> removals(String service, String env, ConfigSnapshot now, String actor, Instant at) {
        List<ConfigEvent> removed = new ArrayList<>();
        for (ConfigEvent last : history.latestPerKey(service, env)) {
            if (last.removed() || now.entry(last.key()).isPresent()
                    || requests.flatMap(r -> r.applying(service, env, last.key())).isPresent()) {
                continue;
            }
            ConfigEvent event = new ConfigEvent(service, env, last.key(), at, actor, true, last.newVersion(),
                    ConfigEvent.removalOf(last.newVersion()), last.newFingerprint(), "", Optional.empty());
            if (history.record(event)) {
                removed.add(event);
            }
        }
        return removed;
    }

    private ConfigWatchNews.Rules checkRules(String service, String env) {
        try {
            return new ConfigWatchNews.Rules.Checked(rules.check(service, env));
        } catch (ConfigSourceException e) {
            return new ConfigWatchNews.Rules.NotRun(e.getMessage());
        }
    }

    private record Noticed(ConfigEvent event, boolean secret, Optional<String> value) {
    }
}
